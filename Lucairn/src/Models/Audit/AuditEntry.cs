using Newtonsoft.Json;

namespace Lucairn;

/// <summary>One audit event.</summary>
public sealed class AuditEntry
{
    /// <summary>RFC 3339 timestamp text, exactly as sent (not parsed).</summary>
    [JsonProperty("timestamp", Required = Required.Always)]
    public string Timestamp { get; init; } = string.Empty;

    /// <summary>The event type (for example <c>proxy.completed</c>).</summary>
    [JsonProperty("event_type", Required = Required.Always)]
    public string EventType { get; init; } = string.Empty;

    /// <summary>Who caused the event.</summary>
    [JsonProperty("actor", Required = Required.Always)]
    public string Actor { get; init; } = string.Empty;

    /// <summary>Event details: a JSON document carried as a string.</summary>
    [JsonProperty("details", Required = Required.Always)]
    public string Details { get; init; } = string.Empty;

    /// <summary>The related request id, or null.</summary>
    [JsonProperty("request_id")]
    public string? RequestId { get; init; }
}
