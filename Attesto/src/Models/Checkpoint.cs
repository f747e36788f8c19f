using Newtonsoft.Json;

namespace Attesto;

/// <summary>A checkpoint: consecutive windows under one root, chained to the previous checkpoint and witnessed.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class Checkpoint
{
    /// <summary>The checkpoint id. Always set: an answer without it is rejected.</summary>
    [JsonProperty("checkpoint_id", Required = Required.Always)]
    [WireAlias("id")]
    public string CheckpointId { get; init; } = string.Empty;

    /// <summary>The stream id.</summary>
    [JsonProperty("stream_id")]
    public string? StreamId { get; init; }

    /// <summary>The checkpoint hash.</summary>
    [JsonProperty("checkpoint_hash")]
    public string? CheckpointHash { get; init; }

    /// <summary>The previous checkpoint's hash (64 zeros for the first).</summary>
    [JsonProperty("previous_checkpoint_hash")]
    public string? PreviousCheckpointHash { get; init; }

    /// <summary>The first seq_no covered.</summary>
    [JsonProperty("from_seq_no")]
    public long? FromSeqNo { get; init; }

    /// <summary>The last seq_no covered.</summary>
    [JsonProperty("to_seq_no")]
    public long? ToSeqNo { get; init; }

    /// <summary>The Merkle root over the window roots.</summary>
    [JsonProperty("checkpoint_root")]
    public string? CheckpointRoot { get; init; }

    /// <summary>The window ids covered, in order.</summary>
    [JsonProperty("window_ids")]
    public IReadOnlyList<string>? WindowIds { get; init; }

    /// <summary>The witness signatures over the checkpoint hash.</summary>
    [JsonProperty("witness_signatures")]
    public IReadOnlyList<WitnessSignature>? WitnessSignatures { get; init; }

    /// <summary>The anchor epoch that commits this checkpoint, once anchored.</summary>
    [JsonProperty("anchor_epoch_id")]
    public string? AnchorEpochId { get; init; }

    /// <summary>The status of that anchor (e.g. <c>confirmed</c>), when reported.</summary>
    [JsonProperty("anchor_status")]
    public string? AnchorStatus { get; init; }

    /// <summary>When the checkpoint was made (ISO 8601 text, as sent).</summary>
    [JsonProperty("created_at")]
    public string? CreatedAt { get; init; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; init; }
}
