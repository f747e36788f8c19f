using Newtonsoft.Json;

namespace Attesto;

/// <summary>An IVC epoch (<c>GET /v2/ivc/epochs/{ivc_epoch_id}</c>; review-gated upstream).</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class IvcEpoch
{
    /// <summary>The IVC epoch id. Always set: an answer without it is rejected.</summary>
    [JsonProperty("ivc_epoch_id", Required = Required.Always)]
    [WireAlias("id")]
    public string IvcEpochId { get; init; } = string.Empty;

    /// <summary>The epoch status.</summary>
    [JsonProperty("status")]
    public string? Status { get; init; }

    /// <summary>The review status, when gated.</summary>
    [JsonProperty("review_status")]
    public string? ReviewStatus { get; init; }

    /// <summary>The first checkpoint the epoch folds.</summary>
    [JsonProperty("from_checkpoint_id")]
    public string? FromCheckpointId { get; init; }

    /// <summary>The last checkpoint the epoch folds.</summary>
    [JsonProperty("to_checkpoint_id")]
    public string? ToCheckpointId { get; init; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; init; }
}
