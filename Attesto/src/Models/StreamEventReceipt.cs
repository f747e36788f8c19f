using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>An appended event with its signed receipt (single write, batch item, <c>GET /v2/receipts/{id}</c>).</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class StreamEventReceipt
{
    /// <summary>The event id (<c>sev_…</c>).</summary>
    [JsonProperty("stream_event_id")]
    public string? StreamEventId { get; set; }

    /// <summary>The stream id.</summary>
    [JsonProperty("stream_id")]
    public string? StreamId { get; set; }

    /// <summary>The event's sequence number in its stream.</summary>
    [JsonProperty("seq_no")]
    public long? SeqNo { get; set; }

    /// <summary>The event hash, hex.</summary>
    [JsonProperty("event_hash")]
    public string? EventHash { get; set; }

    /// <summary>The previous event's hash (also read from <c>prev_event_hash</c>).</summary>
    [JsonProperty("previous_event_hash")]
    [WireAlias("prev_event_hash")]
    public string? PreviousEventHash { get; set; }

    /// <summary>The stream head after this event.</summary>
    [JsonProperty("stream_head_hash")]
    public string? StreamHeadHash { get; set; }

    /// <summary>The signed receipt exactly as the service returned it (<c>alg</c>, <c>kid</c>, <c>payload</c>, <c>signature</c>).</summary>
    [JsonProperty("receipt")]
    public JObject? Receipt { get; set; }

    /// <summary>Inclusion material once the event is in a closed window; null before.</summary>
    [JsonProperty("inclusion")]
    [WireAlias("inclusion_proof")]
    public InclusionProof? Inclusion { get; set; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; set; }
}
