using System.Text.Json;

namespace Lucairn;

/// <summary>The <c>verification</c> object: the required booleans and enums, the verdict and <c>byok_exempt</c>.</summary>
internal ref partial struct CertificateReader
{
    private static readonly string[] RequiredVerificationMembers =
        ["signatures_valid", "completeness", "temporal_consistent", "data_visibility_consistent", "isolation_verified", "overall_verdict"];

    private void ReadVerification()
    {
        JsonTokenType token = Next();
        if (token != JsonTokenType.StartObject)
        {
            Problem($"'verification' must be an object, got {Describe(token)}.");
            SkipValue(token);
            return;
        }

        int seen = 0;
        var names = default(ObjectMembers);
        while (NextMember(ref names, out CertificateMember member, out string name))
        {
            switch (member)
            {
                case CertificateMember.SignaturesValid:
                    seen |= 1;
                    _ = RequiredBool(name);
                    break;
                case CertificateMember.Completeness:
                    seen |= 2;
                    _ = RequiredEnum<VeilCompleteness>("verification.completeness");
                    break;
                case CertificateMember.TemporalConsistent:
                    seen |= 4;
                    _ = RequiredBool(name);
                    break;
                case CertificateMember.DataVisibilityConsistent:
                    seen |= 8;
                    _ = RequiredBool(name);
                    break;
                case CertificateMember.IsolationVerified:
                    seen |= 16;
                    _ = RequiredBool(name);
                    break;
                case CertificateMember.OverallVerdict:
                    seen |= 32;
                    _fields.OverallVerdict = RequiredEnum<VeilVerdict>("verification.overall_verdict");
                    break;
                case CertificateMember.ByokExempt:
                    _fields.ByokExempt = RequiredBool(name);
                    break;
                case CertificateMember.MissingServices:
                    StringArray(-1, name);
                    break;
                default:
                    SkipValue(Next());
                    break;
            }
        }

        RequireMembers(seen, RequiredVerificationMembers, "verification");
    }
}
