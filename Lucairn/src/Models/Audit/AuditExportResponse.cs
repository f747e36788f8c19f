using Newtonsoft.Json;

namespace Lucairn;

/// <summary>The answer of <see cref="LucairnClient.ListAuditEventsAsync"/>.</summary>
public sealed class AuditExportResponse
{
    /// <summary>The customer the events belong to.</summary>
    [JsonProperty("customer_id", Required = Required.Always)]
    public string CustomerId { get; init; } = string.Empty;

    /// <summary>The customer's tier.</summary>
    [JsonProperty("tier", Required = Required.Always)]
    public string Tier { get; init; } = string.Empty;

    /// <summary>The period, shaped <c>YYYY-MM-DD to YYYY-MM-DD</c>.</summary>
    [JsonProperty("period", Required = Required.Always)]
    public string Period { get; init; } = string.Empty;

    /// <summary>The events (empty when none).</summary>
    [JsonProperty("events", Required = Required.DisallowNull)]
    public IReadOnlyList<AuditEntry> Events { get; init; } = [];

    /// <summary>The number of events in the period.</summary>
    [JsonProperty("total_events", Required = Required.Always)]
    public int TotalEvents { get; init; }

    /// <summary>Where the events came from.</summary>
    [JsonProperty("source", Required = Required.Always)]
    public string Source { get; init; } = string.Empty;
}
