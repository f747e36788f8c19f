using Fuzz.Harness;
using Lucairn;

namespace Fuzz.Targets;

/// <summary>
/// Certificate JSON text (UTF-8, invalid bytes replaced) through
/// <see cref="CertificateVerifier.Verify(string, VerifyCertificateKeys, SignableVersion?)"/>,
/// under the test key and under the production key with the v3 signable required.
/// </summary>
public sealed class LucairnCertificateTextTarget : FuzzTarget
{
    /// <inheritdoc />
    public override string Name => "lucairn-cert-text";

    /// <inheritdoc />
    public override string Description => "certificate JSON text -> CertificateVerifier.Verify(string) (test key; production key + v3)";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = [typeof(LucairnCertificateException)];

    /// <inheritdoc />
    public override IEnumerable<FuzzInput> SeedInputs(Seeds seeds) => seeds.LucairnCertificates();

    /// <inheritdoc />
    protected override void Execute(ReadOnlySpan<byte> input)
    {
        string text = InputText.Decode(input);
        Attempt(() => CertificateVerifier.Verify(text, LucairnKeys.Test));
        Attempt(() => CertificateVerifier.Verify(text, LucairnKeys.Production, SignableVersion.V3));
    }
}
