using System.Text;
using System.Text.Json;

namespace Lucairn;

/// <summary>The <c>claims</c> array: each claim's members, its id, and the first sanitizer claim's hashes.</summary>
internal ref partial struct CertificateReader
{
    private static readonly string[] RequiredClaimMembers =
        ["claim_id", "request_id", "service_id", "claim_type", "canonical_payload", "timestamp", "signature"];

    private void ReadClaims()
    {
        JsonTokenType token = Next();
        if (token != JsonTokenType.StartArray)
        {
            Problem($"'claims' must be an array, got {Describe(token)}.");
            SkipValue(token);
            return;
        }

        int index = 0;
        while ((token = Next()) != JsonTokenType.EndArray)
        {
            if (token == JsonTokenType.StartObject)
            {
                ReadClaim(index);
            }
            else
            {
                Problem($"'claims[{index}]' must be an object, got {Describe(token)}.");
                SkipValue(token);
            }

            index++;
        }
    }

    private void ReadClaim(int index)
    {
        int seen = 0;
        string? claimId = null;
        bool isSanitizer = false;
        int payloadStart = -1, payloadLength = 0;
        string? escapedPayload = null;
        var names = default(ObjectMembers);
        while (NextMember(ref names, out CertificateMember member, out string name))
        {
            switch (member)
            {
                case CertificateMember.ClaimId:
                    seen |= 1;
                    claimId = RequiredString(PathText.Claim(index, name));
                    break;
                case CertificateMember.RequestId:
                    seen |= 2;
                    if (index == 0)
                    {
                        _fields.FirstClaimRequestId = RequiredString(PathText.Claim(index, name));
                    }
                    else
                    {
                        RequiredStringUnused(index, name);
                    }

                    break;
                case CertificateMember.ServiceId:
                    seen |= 4;
                    if (Next() == JsonTokenType.String)
                    {
                        CheckEscapes();
                        isSanitizer = _reader.ValueTextEquals("dsa-sanitizer"u8);
                    }
                    else
                    {
                        WrongType(ClaimPath(index, name), "a string");
                    }

                    break;
                case CertificateMember.ClaimType:
                    seen |= 8;
                    _ = RequiredEnum<VeilClaimType>(PathText.Claim(index, name));
                    break;
                case CertificateMember.CanonicalPayload:
                    // Only the first sanitizer claim's payload is used: note where it is, read its hashes below.
                    seen |= 16;
                    if (Next() != JsonTokenType.String)
                    {
                        WrongType(ClaimPath(index, name), "a string");
                    }
                    else if (_reader.ValueIsEscaped)
                    {
                        escapedPayload = _reader.GetString();
                    }
                    else
                    {
                        payloadStart = checked((int)_reader.TokenStartIndex + 1);
                        payloadLength = _reader.ValueSpan.Length;
                    }

                    break;
                case CertificateMember.Timestamp:
                    seen |= 32;
                    RequiredStringUnused(index, name);
                    break;
                case CertificateMember.Signature:
                    seen |= 64;
                    RequiredStringUnused(index, name);
                    break;
                case CertificateMember.DataSeen:
                case CertificateMember.DataNotSeen:
                    StringArray(index, name);
                    break;
                case CertificateMember.Bridge:
                case CertificateMember.Sanitizer:
                case CertificateMember.Inference:
                case CertificateMember.Audit:
                    OpaqueObject(name);
                    break;
                default:
                    SkipValue(Next());
                    break;
            }
        }

        RequireMembers(seen, RequiredClaimMembers, $"claims[{index}]");
        if (claimId is not null)
        {
            _fields.ClaimIds.Add(claimId);
        }

        if (isSanitizer && !_sanitizerSeen)
        {
            _sanitizerSeen = true;
            _fields.SanitizerHashes = escapedPayload is not null ? SanitizerHashes.FromCanonicalPayload(Encoding.UTF8.GetBytes(escapedPayload))
                : payloadStart >= 0 ? SanitizerHashes.FromCanonicalPayload(_input.Slice(payloadStart, payloadLength))
                : default;
        }
    }
}
