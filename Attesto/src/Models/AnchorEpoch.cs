using Newtonsoft.Json;

namespace Attesto;

/// <summary>An anchor epoch: a Merkle root committed to a chain (<c>GET /v2/anchors/{anchor_epoch_id}</c>).</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class AnchorEpoch
{
    /// <summary>The anchor epoch id (<c>aep_…</c>). Always set: an answer without it is rejected.</summary>
    [JsonProperty("anchor_epoch_id", Required = Required.Always)]
    [WireAlias("id")]
    public string AnchorEpochId { get; init; } = string.Empty;

    /// <summary>The anchoring status; <c>confirmed</c> once the transaction is on chain.</summary>
    [JsonProperty("status")]
    public string? Status { get; init; }

    /// <summary>The anchoring contract address (0x-prefixed).</summary>
    [JsonProperty("contract_address")]
    public string? ContractAddress { get; init; }

    /// <summary>The batch id the contract stores the commitment under: a decimal integer or 0x-prefixed 32-byte hex.</summary>
    [JsonProperty("batch_id")]
    public string? BatchId { get; init; }

    /// <summary>The committed Merkle root (also read from <c>epoch_root</c> or <c>root</c>).</summary>
    [JsonProperty("merkle_root")]
    [WireAlias("epoch_root", "root")]
    public string? MerkleRoot { get; init; }

    /// <summary>The anchoring transaction hash.</summary>
    [JsonProperty("tx_hash")]
    public string? TxHash { get; init; }

    /// <summary>The block the transaction was included in (decimal or 0x-hex), when stated.</summary>
    [JsonProperty("block_number")]
    public string? BlockNumber { get; init; }

    /// <summary>The chain id, when stated.</summary>
    [JsonProperty("chain_id")]
    public string? ChainId { get; init; }

    /// <summary>The checkpoints this epoch covers, when listed.</summary>
    [JsonProperty("checkpoint_ids")]
    public IReadOnlyList<string>? CheckpointIds { get; init; }

    /// <summary>True on objects produced by <c>MockAttesto</c>; such evidence never passes as real.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; init; }
}
