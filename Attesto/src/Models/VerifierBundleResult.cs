using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>Answer of <c>POST /v2/audit/packs</c>: a self-contained verifier bundle.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class VerifierBundleResult
{
    /// <summary>The SHA-256 of the canonical manifest, hex.</summary>
    [JsonProperty("bundle_hash")]
    public string? BundleHash { get; init; }

    /// <summary>The bundle as received; never handed out (see <see cref="GetBundle"/>).</summary>
    [JsonProperty("bundle")]
    internal JObject? BundleJson { get; init; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; init; }

    /// <summary>
    /// The bundle (<c>manifest</c> and <c>artifacts</c>) exactly as sent, as a fresh copy on every
    /// call (changing it changes nothing in this object). Check it offline with <see cref="VerifierBundle.Verify"/>.
    /// </summary>
    /// <returns>A copy of the bundle; null only on an object built without one (the client never returns one).</returns>
    public JObject? GetBundle() => (JObject?)BundleJson?.DeepClone();
}
