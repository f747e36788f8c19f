using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>
/// One step of a Merkle inclusion proof, ordered from the leaf upward. Wire form:
/// <c>{"hash": "&lt;hex&gt;", "position": "left"|"right"}</c>.
/// </summary>
/// <param name="Hash">The sibling digest as 64 hex digits (either case accepted).</param>
/// <param name="Position">The sibling's side.</param>
public sealed record MerkleProofStep(
    [property: JsonProperty("hash")] string Hash,
    [property: JsonProperty("position")] MerkleSide Position)
{
    /// <summary>The wire form of this step.</summary>
    /// <returns><c>{"hash": …, "position": "left"|"right"}</c>.</returns>
    public JObject ToJson() => new()
    {
        ["hash"] = Hash,
        ["position"] = Position == MerkleSide.Left ? "left" : "right",
    };
}
