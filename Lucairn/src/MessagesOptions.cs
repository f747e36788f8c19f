namespace Lucairn;

/// <summary>
/// Per-call options for <see cref="LucairnClient.MessagesAsync"/>, <see cref="LucairnClient.GetCertificateAsync"/>
/// and <see cref="LucairnClient.GetCertificateSummaryAsync"/>.
/// </summary>
public class MessagesOptions
{
    /// <summary>Overrides <see cref="LucairnClientOptions.Timeout"/> for this call; must be positive and finite.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// Extra request headers. Names are lower-cased (a later name that collides after
    /// lower-casing wins); the SDK's own <c>x-api-key</c> and <c>content-type</c> always override
    /// caller values. Names must be HTTP tokens and values must not contain CR, LF or NUL.
    /// </summary>
    public IDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
