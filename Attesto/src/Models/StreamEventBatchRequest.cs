using Newtonsoft.Json;

namespace Attesto;

/// <summary>Body of <c>POST /v2/streams/{stream_id}/events/batch</c>.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class StreamEventBatchRequest
{
    /// <summary>The events, at most 1000.</summary>
    [JsonProperty("events")]
    public IList<StreamEventRequest> Events { get; set; } = [];
}
