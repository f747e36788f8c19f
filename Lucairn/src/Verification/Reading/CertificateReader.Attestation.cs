using System.Text.Json;

namespace Lucairn;

/// <summary>The optional <c>attestation</c> object: its three opaque blocks are objects or null.</summary>
internal ref partial struct CertificateReader
{
    private void ReadAttestation()
    {
        JsonTokenType token = Next();
        if (token == JsonTokenType.Null)
        {
            return;
        }

        if (token != JsonTokenType.StartObject)
        {
            Problem($"'attestation' must be an object or null, got {Describe(token)}.");
            SkipValue(token);
            return;
        }

        var names = default(ObjectMembers);
        while (NextMember(ref names, out CertificateMember member, out string name))
        {
            if (member is CertificateMember.Timestamp or CertificateMember.TransparencyLog or CertificateMember.Notary)
            {
                OpaqueObject(PathText.Under("attestation", name));
            }
            else
            {
                SkipValue(Next());
            }
        }
    }
}
