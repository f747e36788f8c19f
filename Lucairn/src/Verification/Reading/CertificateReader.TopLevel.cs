using System.Text;
using System.Text.Json;

namespace Lucairn;

/// <summary>The certificate object's own members: which are required, and the reading of each.</summary>
internal ref partial struct CertificateReader
{
    private const int SeenCertificateId = 1 << 0;
    private const int SeenRequestId = 1 << 1;
    private const int SeenProtocolVersion = 1 << 2;
    private const int SeenClaims = 1 << 3;
    private const int SeenVerification = 1 << 4;
    private const int SeenIssuedAt = 1 << 5;
    private const int SeenWitnessSignature = 1 << 6;
    private const int SeenWitnessKeyId = 1 << 7;

    private static readonly string[] RequiredTopLevel =
        ["certificate_id", "request_id", "protocol_version", "claims", "verification", "issued_at", "witness_signature", "witness_key_id"];

    private int ReadTopLevel()
    {
        int seen = 0;
        var names = default(ObjectMembers);
        while (NextMember(ref names, out CertificateMember member, out string name))
        {
            switch (member)
            {
                case CertificateMember.CertificateId:
                    seen |= SeenCertificateId;
                    _fields.CertificateId = RequiredString("certificate_id")!;
                    _certificateId = _fields.CertificateId;
                    break;
                case CertificateMember.RequestId:
                    seen |= SeenRequestId;
                    _fields.RequestId = RequiredString("request_id")!;
                    break;
                case CertificateMember.ProtocolVersion:
                    seen |= SeenProtocolVersion;
                    ReadProtocolVersion();
                    break;
                case CertificateMember.Claims:
                    seen |= SeenClaims;
                    ReadClaims();
                    break;
                case CertificateMember.Verification:
                    seen |= SeenVerification;
                    ReadVerification();
                    break;
                case CertificateMember.IssuedAt:
                    seen |= SeenIssuedAt;
                    _fields.IssuedAt = RequiredString("issued_at")!;
                    break;
                case CertificateMember.WitnessSignature:
                    seen |= SeenWitnessSignature;
                    _fields.WitnessSignature = RequiredString("witness_signature")!;
                    break;
                case CertificateMember.WitnessKeyId:
                    seen |= SeenWitnessKeyId;
                    _fields.WitnessKeyId = RequiredString("witness_key_id")!;
                    break;
                case CertificateMember.Attestation:
                    ReadAttestation();
                    break;
                case CertificateMember.AnchorStatus:
                    ReadAnchorStatus();
                    break;
                case CertificateMember.ClientId:
                    _fields.ClientId = OptionalString("client_id");
                    break;
                case CertificateMember.ApiKeyId:
                    _fields.ApiKeyId = OptionalString("api_key_id");
                    break;
                case CertificateMember.SignableV2Signature:
                    OptionalStringUnused("signable_v2_signature");
                    break;
                case CertificateMember.SignableV3Signature:
                    _fields.SignableV3Signature = OptionalString("signable_v3_signature");
                    break;
                case CertificateMember.SignableProtocolVersionEmitted:
                    _fields.SignableProtocolVersionEmitted = OptionalInteger("signable_protocol_version_emitted") ?? 0;
                    break;
                case CertificateMember.FormalVerification:
                case CertificateMember.AuditIntegrity:
                case CertificateMember.PrivacyBudget:
                    OpaqueObject(name);
                    break;
                default:
                    SkipValue(Next());
                    break;
            }
        }

        return seen;
    }

    private void ReadProtocolVersion()
    {
        JsonTokenType token = Next();
        if (token == JsonTokenType.Number && IsInteger())
        {
            _fields.ProtocolVersionIsSupported = _reader.TryGetInt64(out long version) && version == 2;
            _fields.ProtocolVersionText = _fields.ProtocolVersionIsSupported && _reader.ValueSpan.Length == 1 ? "2" : Encoding.UTF8.GetString(_reader.ValueSpan);
            return;
        }

        Problem($"'protocol_version' must be an integer, got {Describe(token)}.");
        SkipValue(token);
    }
}
