using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>Where an event sits in its window and the Merkle path to the window root.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class InclusionProof
{
    /// <summary>The window id.</summary>
    [JsonProperty("window_id")]
    public string? WindowId { get; init; }

    /// <summary>The leaf index of the event inside the window.</summary>
    [JsonProperty("leaf_index")]
    public long? LeafIndex { get; init; }

    /// <summary>The leaf hash (the event hash).</summary>
    [JsonProperty("leaf_hash")]
    public string? LeafHash { get; init; }

    /// <summary>The Merkle path as received; never handed out (see <see cref="GetProof"/>).</summary>
    [JsonProperty("proof")]
    internal JArray? ProofJson { get; init; }

    /// <summary>The window root the path must reach.</summary>
    [JsonProperty("window_root")]
    [WireAlias("root_hash")]
    public string? WindowRoot { get; init; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; init; }

    /// <summary>
    /// The path from the leaf upward, <c>[{"hash":…,"position":"left"|"right"}]</c> as sent, as a
    /// fresh copy on every call (changing it changes nothing in this object).
    /// </summary>
    /// <returns>A copy of the path, or null when the answer carried none.</returns>
    public JArray? GetProof() => (JArray?)ProofJson?.DeepClone();
}
