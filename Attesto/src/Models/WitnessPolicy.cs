using Newtonsoft.Json;

namespace Attesto;

/// <summary>A witness policy (<c>GET /v2/witness/policies/{policy_id}</c>).</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class WitnessPolicy
{
    /// <summary>The policy id.</summary>
    [JsonProperty("policy_id")]
    public string? PolicyId { get; set; }

    /// <summary>The policy hash.</summary>
    [JsonProperty("policy_hash")]
    public string? PolicyHash { get; set; }

    /// <summary>How many distinct witnesses must sign a checkpoint.</summary>
    [JsonProperty("quorum")]
    [WireAlias("threshold")]
    public int? Quorum { get; set; }

    /// <summary>The witnesses and their public keys.</summary>
    [JsonProperty("witnesses")]
    public IList<WitnessKey>? Witnesses { get; set; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; set; }
}
