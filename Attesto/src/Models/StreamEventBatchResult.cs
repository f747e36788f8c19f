using Newtonsoft.Json;

namespace Attesto;

/// <summary>Answer of a batch write.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class StreamEventBatchResult
{
    /// <summary>How many events the service accepted.</summary>
    [JsonProperty("accepted")]
    public int? Accepted { get; init; }

    /// <summary>One signed receipt per event (also read from <c>items</c> or <c>events</c>).</summary>
    [JsonProperty("receipts")]
    [WireAlias("items", "events")]
    public IReadOnlyList<StreamEventReceipt>? Receipts { get; init; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; init; }
}
