using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>One event to append to a stream (<c>POST /v2/streams/{stream_id}/events</c> and batch items).</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class StreamEventRequest
{
    /// <summary>The caller's reference for the event; the in-stream idempotency key.</summary>
    [JsonProperty("source_ref")]
    public string? SourceRef { get; set; }

    /// <summary>The event type, e.g. <c>ai.model_decision</c>.</summary>
    [JsonProperty("event_type")]
    public string? EventType { get; set; }

    /// <summary>When the event happened, ISO 8601 with offset.</summary>
    [JsonProperty("occurred_at")]
    public string? OccurredAt { get; set; }

    /// <summary>The committed payload (integers only, within ±(2^53−1)).</summary>
    [JsonProperty("payload")]
    public JToken? Payload { get; set; }

    /// <summary>Optional committed metadata (same number policy).</summary>
    [JsonProperty("metadata")]
    public JToken? Metadata { get; set; }
}
