using Newtonsoft.Json;

namespace Attesto;

/// <summary>A witness policy (<c>GET /v2/witness/policies/{policy_id}</c>).</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class WitnessPolicy
{
    /// <summary>The policy id. Always set: an answer without it is rejected.</summary>
    [JsonProperty("policy_id", Required = Required.Always)]
    public string PolicyId { get; init; } = string.Empty;

    /// <summary>The policy hash.</summary>
    [JsonProperty("policy_hash")]
    public string? PolicyHash { get; init; }

    /// <summary>How many distinct witnesses must sign a checkpoint.</summary>
    [JsonProperty("quorum")]
    [WireAlias("threshold")]
    public int? Quorum { get; init; }

    /// <summary>The witnesses and their public keys.</summary>
    [JsonProperty("witnesses")]
    public IReadOnlyList<WitnessKey>? Witnesses { get; init; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; init; }
}
