namespace Lucairn;

/// <summary>
/// Per-call transport options (timeout and headers) of every <see cref="LucairnClient"/> operation;
/// <see cref="AuditExportOptions"/> adds the audit export's query.
/// </summary>
public class LucairnRequestOptions
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
