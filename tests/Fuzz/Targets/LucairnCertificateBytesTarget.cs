using Fuzz.Harness;
using Lucairn;

namespace Fuzz.Targets;

/// <summary>
/// A certificate body's bytes parsed with <see cref="VeilCertificate.Parse"/> (as a client does with
/// a response body), then the parsed certificate through
/// <see cref="CertificateVerifier.Verify(VeilCertificate, VerifyCertificateKeys, SignableVersion?)"/>
/// under both keys; the parsed certificate's accessors are read too.
/// </summary>
public sealed class LucairnCertificateBytesTarget : FuzzTarget
{
    /// <inheritdoc />
    public override string Name => "lucairn-cert-bytes";

    /// <inheritdoc />
    public override string Description => "certificate body bytes -> VeilCertificate.Parse -> CertificateVerifier.Verify(VeilCertificate)";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = [typeof(LucairnCertificateException)];

    /// <inheritdoc />
    public override IEnumerable<FuzzInput> SeedInputs(Seeds seeds) => seeds.LucairnCertificates();

    /// <inheritdoc />
    protected override void Execute(ReadOnlySpan<byte> input)
    {
        VeilCertificate certificate = VeilCertificate.Parse(InputText.Decode(input));
        _ = Certificates.GetClientId(certificate);
        Attempt(() => CertificateVerifier.Verify(certificate, LucairnKeys.Test));
        Attempt(() => CertificateVerifier.Verify(certificate, LucairnKeys.Production, SignableVersion.V3));
    }
}
