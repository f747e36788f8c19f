using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>A payload commitment: <c>{"hash_alg": "sha256", "canonical_payload_hash": "&lt;hex&gt;"}</c>.</summary>
/// <param name="HashAlg">The hash algorithm, always <c>sha256</c>.</param>
/// <param name="CanonicalPayloadHash">The lowercase hex SHA-256 of the canonical payload.</param>
public sealed record PayloadCommitmentValue(
    [property: JsonProperty("hash_alg")] string HashAlg,
    [property: JsonProperty("canonical_payload_hash")] string CanonicalPayloadHash)
{
    /// <summary>The wire form.</summary>
    /// <returns><c>{"hash_alg": …, "canonical_payload_hash": …}</c>.</returns>
    public JObject ToJson() => new()
    {
        ["hash_alg"] = HashAlg,
        ["canonical_payload_hash"] = CanonicalPayloadHash,
    };
}
