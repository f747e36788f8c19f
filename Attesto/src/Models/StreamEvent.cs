using Newtonsoft.Json;

namespace Attesto;

/// <summary>An event as the tenant event listing returns it (no receipt).</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class StreamEvent
{
    /// <summary>The event id (<c>sev_…</c>). Always set: an answer without it is rejected.</summary>
    [JsonProperty("stream_event_id", Required = Required.Always)]
    public string StreamEventId { get; init; } = string.Empty;

    /// <summary>The stream id.</summary>
    [JsonProperty("stream_id")]
    public string? StreamId { get; init; }

    /// <summary>The sequence number.</summary>
    [JsonProperty("seq_no")]
    public long? SeqNo { get; init; }

    /// <summary>The event hash.</summary>
    [JsonProperty("event_hash")]
    public string? EventHash { get; init; }

    /// <summary>The previous event's hash (also read from <c>prev_event_hash</c>).</summary>
    [JsonProperty("previous_event_hash")]
    [WireAlias("prev_event_hash")]
    public string? PreviousEventHash { get; init; }

    /// <summary>The source reference.</summary>
    [JsonProperty("source_ref")]
    public string? SourceRef { get; init; }

    /// <summary>The event type.</summary>
    [JsonProperty("event_type")]
    public string? EventType { get; init; }

    /// <summary>When the event happened (ISO 8601 text, as sent).</summary>
    [JsonProperty("occurred_at")]
    public string? OccurredAt { get; init; }

    /// <summary>The payload hash.</summary>
    [JsonProperty("payload_hash")]
    public string? PayloadHash { get; init; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; init; }
}
