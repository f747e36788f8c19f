using System.Diagnostics.CodeAnalysis;

namespace Lucairn;

/// <summary>
/// The answer of <see cref="LucairnClient.TryGetCertificateAsync"/>: the certificate when it is
/// assembled (<see cref="IsReady"/>), otherwise pending with the wait the gateway asked for.
/// </summary>
public sealed class CertificateFetchResult
{
    /// <summary>True when <see cref="Certificate"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Certificate))]
    public bool IsReady => Certificate is not null;

    /// <summary>The certificate, or null while it is pending.</summary>
    public VeilCertificate? Certificate { get; init; }

    /// <summary>
    /// While pending: how long the gateway asked the caller to wait (the body's
    /// <c>retry_after_seconds</c>, else the <c>Retry-After</c> header), or null when it named none.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }
}
