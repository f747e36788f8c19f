using Newtonsoft.Json;

namespace Attesto;

/// <summary>A checkpoint: consecutive windows under one root, chained to the previous checkpoint and witnessed.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class Checkpoint
{
    /// <summary>The checkpoint id.</summary>
    [JsonProperty("checkpoint_id")]
    [WireAlias("id")]
    public string? CheckpointId { get; set; }

    /// <summary>The stream id.</summary>
    [JsonProperty("stream_id")]
    public string? StreamId { get; set; }

    /// <summary>The checkpoint hash.</summary>
    [JsonProperty("checkpoint_hash")]
    public string? CheckpointHash { get; set; }

    /// <summary>The previous checkpoint's hash (64 zeros for the first).</summary>
    [JsonProperty("previous_checkpoint_hash")]
    public string? PreviousCheckpointHash { get; set; }

    /// <summary>The first seq_no covered.</summary>
    [JsonProperty("from_seq_no")]
    public long? FromSeqNo { get; set; }

    /// <summary>The last seq_no covered.</summary>
    [JsonProperty("to_seq_no")]
    public long? ToSeqNo { get; set; }

    /// <summary>The Merkle root over the window roots.</summary>
    [JsonProperty("checkpoint_root")]
    public string? CheckpointRoot { get; set; }

    /// <summary>The window ids covered, in order.</summary>
    [JsonProperty("window_ids")]
    public IList<string>? WindowIds { get; set; }

    /// <summary>The witness signatures over the checkpoint hash.</summary>
    [JsonProperty("witness_signatures")]
    public IList<WitnessSignature>? WitnessSignatures { get; set; }

    /// <summary>The anchor epoch that commits this checkpoint, once anchored.</summary>
    [JsonProperty("anchor_epoch_id")]
    public string? AnchorEpochId { get; set; }

    /// <summary>The status of that anchor (e.g. <c>confirmed</c>), when reported.</summary>
    [JsonProperty("anchor_status")]
    public string? AnchorStatus { get; set; }

    /// <summary>When the checkpoint was made (ISO 8601 text, as sent).</summary>
    [JsonProperty("created_at")]
    public string? CreatedAt { get; set; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; set; }
}
