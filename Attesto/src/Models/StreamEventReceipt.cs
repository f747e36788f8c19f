using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>An appended event with its signed receipt (single write, batch item, <c>GET /v2/receipts/{id}</c>).</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class StreamEventReceipt
{
    /// <summary>The event id (<c>sev_…</c>). Always set: an answer without it is rejected.</summary>
    [JsonProperty("stream_event_id", Required = Required.Always)]
    public string StreamEventId { get; init; } = string.Empty;

    /// <summary>The stream id.</summary>
    [JsonProperty("stream_id")]
    public string? StreamId { get; init; }

    /// <summary>The event's sequence number in its stream.</summary>
    [JsonProperty("seq_no")]
    public long? SeqNo { get; init; }

    /// <summary>The event hash, hex.</summary>
    [JsonProperty("event_hash")]
    public string? EventHash { get; init; }

    /// <summary>The previous event's hash (also read from <c>prev_event_hash</c>).</summary>
    [JsonProperty("previous_event_hash")]
    [WireAlias("prev_event_hash")]
    public string? PreviousEventHash { get; init; }

    /// <summary>The stream head after this event.</summary>
    [JsonProperty("stream_head_hash")]
    public string? StreamHeadHash { get; init; }

    /// <summary>The signed receipt as received; never handed out (see <see cref="GetReceipt"/>).</summary>
    [JsonProperty("receipt")]
    internal JObject? ReceiptJson { get; init; }

    /// <summary>Inclusion material once the event is in a closed window; null before.</summary>
    [JsonProperty("inclusion")]
    [WireAlias("inclusion_proof")]
    public InclusionProof? Inclusion { get; init; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; init; }

    /// <summary>
    /// The signed receipt exactly as the service returned it (<c>alg</c>, <c>kid</c>, <c>payload</c>,
    /// <c>signature</c>), as a fresh copy on every call: the receipt the client verified stays as it
    /// was, whatever the caller does with the copy. Null only on an object built without one
    /// (<see cref="AttestoModelFactory"/>); the clients never return a receipt-less result.
    /// </summary>
    /// <returns>A copy of the receipt, or null.</returns>
    public JObject? GetReceipt() => (JObject?)ReceiptJson?.DeepClone();
}
