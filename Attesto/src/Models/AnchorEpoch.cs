using Newtonsoft.Json;

namespace Attesto;

/// <summary>An anchor epoch: a Merkle root committed to a chain (<c>GET /v2/anchors/{anchor_epoch_id}</c>).</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class AnchorEpoch
{
    /// <summary>The anchor epoch id (<c>aep_…</c>).</summary>
    [JsonProperty("anchor_epoch_id")]
    [WireAlias("id")]
    public string? AnchorEpochId { get; set; }

    /// <summary>The anchoring status; <c>confirmed</c> once the transaction is on chain.</summary>
    [JsonProperty("status")]
    public string? Status { get; set; }

    /// <summary>The anchoring contract address (0x-prefixed).</summary>
    [JsonProperty("contract_address")]
    public string? ContractAddress { get; set; }

    /// <summary>The batch id the contract stores the commitment under: a decimal integer or 0x-prefixed 32-byte hex.</summary>
    [JsonProperty("batch_id")]
    public string? BatchId { get; set; }

    /// <summary>The committed Merkle root (also read from <c>epoch_root</c> or <c>root</c>).</summary>
    [JsonProperty("merkle_root")]
    [WireAlias("epoch_root", "root")]
    public string? MerkleRoot { get; set; }

    /// <summary>The anchoring transaction hash.</summary>
    [JsonProperty("tx_hash")]
    public string? TxHash { get; set; }

    /// <summary>The block the transaction was included in (decimal or 0x-hex), when stated.</summary>
    [JsonProperty("block_number")]
    public string? BlockNumber { get; set; }

    /// <summary>The chain id, when stated.</summary>
    [JsonProperty("chain_id")]
    public string? ChainId { get; set; }

    /// <summary>The checkpoints this epoch covers, when listed.</summary>
    [JsonProperty("checkpoint_ids")]
    public IReadOnlyList<string>? CheckpointIds { get; set; }

    /// <summary>True on objects produced by <c>MockAttesto</c>; such evidence never passes as real.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; set; }
}
