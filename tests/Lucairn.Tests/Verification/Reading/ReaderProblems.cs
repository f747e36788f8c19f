using Newtonsoft.Json.Linq;

namespace Lucairn.Tests.Verification.Reading;

/// <summary>Runs <see cref="CertificateReader"/> directly on (mutated) certificate text and returns the problem it reports.</summary>
internal static class ReaderProblems
{
    internal const string RealFile = "cert-real-v3-production.json";

    /// <summary>The real production certificate after <paramref name="mutate"/>, as JSON text.</summary>
    internal static string Real(Action<JObject> mutate) => CertificateFixtures.Mutated(RealFile, mutate);

    /// <summary>The message (after the "Certificate verification failed (malformed): " prefix) of reading <paramref name="json"/>.</summary>
    internal static string Problem(string? json) => Strip(Malformed(() => CertificateReader.Read(json)));

    /// <summary>The problem of reading the real certificate after <paramref name="mutate"/>.</summary>
    internal static string Problem(Action<JObject> mutate) => Problem(Real(mutate));

    /// <summary>The problem of reading a token tree.</summary>
    internal static string Problem(JToken? json) => Strip(Malformed(() => CertificateReader.Read(json)));

    private static LucairnCertificateException Malformed(Action read)
    {
        LucairnCertificateException error = Assert.Throws<LucairnCertificateException>(() => read())!;
        Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.Malformed));
        return error;
    }

    private static string Strip(LucairnCertificateException error)
    {
        const string Prefix = "Certificate verification failed (malformed): ";
        Assert.That(error.Message, Does.StartWith(Prefix));
        return error.Message[Prefix.Length..];
    }
}
