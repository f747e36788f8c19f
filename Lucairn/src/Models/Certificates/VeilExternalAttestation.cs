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
    private VeilExternalAttestation()
    {
    }

    /// <summary>The RFC 3161 timestamp block (<c>timestamp</c>).</summary>
    [JsonProperty("timestamp")]
    public JObject? Timestamp { get; private set; }

    /// <summary>The transparency-log block (<c>transparency_log</c>).</summary>
    [JsonProperty("transparency_log")]
    public JObject? TransparencyLog { get; private set; }

    /// <summary>The notary block (<c>notary</c>).</summary>
    [JsonProperty("notary")]
    public JObject? Notary { get; private set; }
}
