using Newtonsoft.Json;

namespace Attesto;

/// <summary>Answer of <c>GET /v2/checkpoints/{id}/consistency</c>.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class CheckpointConsistency
{
    /// <summary>The later checkpoint.</summary>
    [JsonProperty("checkpoint_id")]
    public string? CheckpointId { get; set; }

    /// <summary>The earlier checkpoint.</summary>
    [JsonProperty("from_checkpoint_id")]
    public string? FromCheckpointId { get; set; }

    /// <summary>How many extension steps lead from the earlier to the later checkpoint (at least 1).</summary>
    [JsonProperty("step_count")]
    public int? StepCount { get; set; }

    /// <summary>The checkpoints along the way, oldest first, when included.</summary>
    [JsonProperty("checkpoints")]
    public IList<Checkpoint>? Checkpoints { get; set; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; set; }
}
