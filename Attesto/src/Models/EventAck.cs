using Newtonsoft.Json;

namespace Attesto;

/// <summary>The service's acknowledgement of one v1 event.</summary>
public sealed class EventAck
{
    /// <summary>The event id (<c>evt_…</c>). Always set: an answer without it is rejected.</summary>
    [JsonProperty("id", Required = Required.Always)]
    public string Id { get; init; } = string.Empty;

    /// <summary>The registered system the key belongs to.</summary>
    [JsonProperty("system_id")]
    public string? SystemId { get; init; }

    /// <summary>The event's timestamp as the service recorded it (ISO 8601 text, unchanged).</summary>
    [JsonProperty("ts")]
    public string? Ts { get; init; }
}
