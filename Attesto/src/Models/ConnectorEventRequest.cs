using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>Body of <c>POST /v2/connectors/signed-webhooks/{connectorId}/events</c>.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class ConnectorEventRequest
{
    /// <summary>The caller's reference; the in-stream idempotency key.</summary>
    [JsonProperty("source_ref")]
    public string? SourceRef { get; set; }

    /// <summary>The event type.</summary>
    [JsonProperty("event_type")]
    public string? EventType { get; set; }

    /// <summary>When the event happened, ISO 8601 with offset.</summary>
    [JsonProperty("occurred_at")]
    public string? OccurredAt { get; set; }

    /// <summary>The committed payload.</summary>
    [JsonProperty("payload")]
    public JToken? Payload { get; set; }
}
