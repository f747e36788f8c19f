namespace Lucairn;

/// <summary>Builds the SDK's output models without JSON, for tests of code that consumes them (like Azure's <c>…ModelFactory</c>).</summary>
public static class LucairnModelFactory
{
    /// <summary>Builds a <see cref="CertificateFetchResult"/>: ready with <paramref name="certificate"/>, or pending when it is null.</summary>
    /// <param name="certificate">The certificate, or null for pending.</param>
    /// <param name="retryAfter">The wait the gateway asked for while pending.</param>
    /// <returns>The result.</returns>
    public static CertificateFetchResult CertificateFetchResult(VeilCertificate? certificate = null, TimeSpan? retryAfter = null) =>
        new() { Certificate = certificate, RetryAfter = retryAfter };
}
