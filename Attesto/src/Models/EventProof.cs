using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>
/// The tenant-authenticated proof of an anchored v1 event (<c>GET /v1/events/{id}/proof</c>):
/// submit it unchanged to the public verify endpoint. Wire names are camelCase.
/// </summary>
public sealed class EventProof
{
    /// <summary>The event's canonical JSON as the service hashed it.</summary>
    [JsonProperty("canonicalJson")]
    public string? CanonicalJson { get; init; }

    /// <summary>The Merkle proof as received; never handed out (see <see cref="GetProof"/>).</summary>
    [JsonProperty("proof")]
    internal JToken? ProofJson { get; init; }

    /// <summary>The anchored batch the event belongs to.</summary>
    [JsonProperty("batchId")]
    public string? BatchId { get; init; }

    /// <summary>The Merkle proof as the service returned it, as a fresh copy on every call (changing it changes nothing in this object).</summary>
    /// <returns>A copy of the proof, or null when the answer carried none.</returns>
    public JToken? GetProof() => ProofJson?.DeepClone();
}
