using Newtonsoft.Json;

namespace Attesto;

/// <summary>An IVC epoch (<c>GET /v2/ivc/epochs/{ivc_epoch_id}</c>; review-gated upstream).</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class IvcEpoch
{
    /// <summary>The IVC epoch id.</summary>
    [JsonProperty("ivc_epoch_id")]
    [WireAlias("id")]
    public string? IvcEpochId { get; set; }

    /// <summary>The epoch status.</summary>
    [JsonProperty("status")]
    public string? Status { get; set; }

    /// <summary>The review status, when gated.</summary>
    [JsonProperty("review_status")]
    public string? ReviewStatus { get; set; }

    /// <summary>The first checkpoint the epoch folds.</summary>
    [JsonProperty("from_checkpoint_id")]
    public string? FromCheckpointId { get; set; }

    /// <summary>The last checkpoint the epoch folds.</summary>
    [JsonProperty("to_checkpoint_id")]
    public string? ToCheckpointId { get; set; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; set; }
}
