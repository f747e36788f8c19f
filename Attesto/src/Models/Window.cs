using Newtonsoft.Json;

namespace Attesto;

/// <summary>A window: a closed seq range of one stream and the Merkle root over its event hashes.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class Window
{
    /// <summary>The window id. Always set: an answer without it is rejected.</summary>
    [JsonProperty("window_id", Required = Required.Always)]
    [WireAlias("id")]
    public string WindowId { get; init; } = string.Empty;

    /// <summary>The stream id.</summary>
    [JsonProperty("stream_id")]
    public string? StreamId { get; init; }

    /// <summary>The first seq_no in the window.</summary>
    [JsonProperty("from_seq_no")]
    public long? FromSeqNo { get; init; }

    /// <summary>The last seq_no in the window.</summary>
    [JsonProperty("to_seq_no")]
    public long? ToSeqNo { get; init; }

    /// <summary>The Merkle root over the event hashes, hex.</summary>
    [JsonProperty("window_root")]
    public string? WindowRoot { get; init; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; init; }
}
