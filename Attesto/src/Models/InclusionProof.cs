using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>Where an event sits in its window and the Merkle path to the window root.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class InclusionProof
{
    /// <summary>The window id.</summary>
    [JsonProperty("window_id")]
    public string? WindowId { get; set; }

    /// <summary>The leaf index of the event inside the window.</summary>
    [JsonProperty("leaf_index")]
    public long? LeafIndex { get; set; }

    /// <summary>The leaf hash (the event hash).</summary>
    [JsonProperty("leaf_hash")]
    public string? LeafHash { get; set; }

    /// <summary>The path from the leaf upward: <c>[{"hash":…,"position":"left"|"right"}]</c>, as sent.</summary>
    [JsonProperty("proof")]
    public JArray? Proof { get; set; }

    /// <summary>The window root the path must reach.</summary>
    [JsonProperty("window_root")]
    [WireAlias("root_hash")]
    public string? WindowRoot { get; set; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; set; }
}
