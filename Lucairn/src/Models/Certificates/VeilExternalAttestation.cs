using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>
/// External attestations of a certificate (<c>attestation</c>): an RFC 3161 timestamp token, a
/// transparency-log entry and the notary block. Kept as opaque JSON; the SDK does not check them.
/// </summary>
public sealed class VeilExternalAttestation
{
    [JsonConstructor]
    internal VeilExternalAttestation()
    {
    }

    [JsonProperty("timestamp")]
    internal JObject? TimestampJson { get; init; }

    /// <summary>The RFC 3161 timestamp block (<c>timestamp</c>); a copy, so changing it leaves this model unchanged.</summary>
    /// <returns>A copy of the JSON, or null when it is absent.</returns>
    public JObject? GetTimestamp() => (JObject?)TimestampJson?.DeepClone();

    [JsonProperty("transparency_log")]
    internal JObject? TransparencyLogJson { get; init; }

    /// <summary>The transparency-log block (<c>transparency_log</c>); a copy, so changing it leaves this model unchanged.</summary>
    /// <returns>A copy of the JSON, or null when it is absent.</returns>
    public JObject? GetTransparencyLog() => (JObject?)TransparencyLogJson?.DeepClone();

    [JsonProperty("notary")]
    internal JObject? NotaryJson { get; init; }

    /// <summary>The notary block (<c>notary</c>); a copy, so changing it leaves this model unchanged.</summary>
    /// <returns>A copy of the JSON, or null when it is absent.</returns>
    public JObject? GetNotary() => (JObject?)NotaryJson?.DeepClone();
}
