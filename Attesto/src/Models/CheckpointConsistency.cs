using Newtonsoft.Json;

namespace Attesto;

/// <summary>Answer of <c>GET /v2/checkpoints/{id}/consistency</c>.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class CheckpointConsistency
{
    /// <summary>The later checkpoint.</summary>
    [JsonProperty("checkpoint_id")]
    public string? CheckpointId { get; init; }

    /// <summary>The earlier checkpoint.</summary>
    [JsonProperty("from_checkpoint_id")]
    public string? FromCheckpointId { get; init; }

    /// <summary>How many extension steps lead from the earlier to the later checkpoint (at least 1).</summary>
    [JsonProperty("step_count")]
    public int? StepCount { get; init; }

    /// <summary>The checkpoints along the way, oldest first, when included.</summary>
    [JsonProperty("checkpoints")]
    public IReadOnlyList<Checkpoint>? Checkpoints { get; init; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; init; }
}
