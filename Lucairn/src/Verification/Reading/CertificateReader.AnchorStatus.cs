using System.Text.Json;

namespace Lucairn;

/// <summary>The optional <c>anchor_status</c> object: its required <c>status</c> and the optional details.</summary>
internal ref partial struct CertificateReader
{
    private void ReadAnchorStatus()
    {
        JsonTokenType token = Next();
        if (token == JsonTokenType.Null)
        {
            return;
        }

        if (token != JsonTokenType.StartObject)
        {
            Problem($"'anchor_status' must be an object or null, got {Describe(token)}.");
            SkipValue(token);
            return;
        }

        bool statusSeen = false;
        var names = default(ObjectMembers);
        while (NextMember(ref names, out CertificateMember member, out string name))
        {
            switch (member)
            {
                case CertificateMember.Status:
                    statusSeen = true;
                    _fields.AnchorStatus = RequiredEnum<VeilAnchorStatus>("anchor_status.status");
                    break;
                case CertificateMember.Attempts:
                    _ = OptionalInteger("anchor_status.attempts");
                    break;
                case CertificateMember.LastError:
                case CertificateMember.HumanNote:
                    OptionalStringUnused(PathText.Under("anchor_status", name));
                    break;
                default:
                    SkipValue(Next());
                    break;
            }
        }

        if (!statusSeen)
        {
            Problem("the required member 'anchor_status.status' is missing.");
        }
    }
}
