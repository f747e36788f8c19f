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
    public string? CanonicalJson { get; set; }

    /// <summary>The Merkle proof as the service returned it.</summary>
    [JsonProperty("proof")]
    public JToken? Proof { get; set; }

    /// <summary>The anchored batch the event belongs to.</summary>
    [JsonProperty("batchId")]
    public string? BatchId { get; set; }
}
