using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>Answer of <c>POST /v2/audit/packs</c>: a self-contained verifier bundle.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class VerifierBundleResult
{
    /// <summary>The SHA-256 of the canonical manifest, hex.</summary>
    [JsonProperty("bundle_hash")]
    public string? BundleHash { get; set; }

    /// <summary>The bundle (<c>manifest</c> and <c>artifacts</c>) exactly as sent.</summary>
    [JsonProperty("bundle")]
    public JObject? Bundle { get; set; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; set; }
}
