using System.Globalization;
using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto.Testing;

/// <summary>
/// A minimal chain for the mock's anchors: an anchoring contract whose <c>getCommitment</c> returns
/// the committed root (then a second word, the block number), and transaction receipts for the
/// anchoring transactions. Answers <c>eth_call</c> and <c>eth_getTransactionReceipt</c> over JSON-RPC.
/// </summary>
internal sealed class MockChain
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (string Root, long Block)> _commitments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JObject> _receipts = new(StringComparer.Ordinal);
    private long _block = 0x100;

    /// <summary>The mock anchoring contract.</summary>
    internal string ContractAddress { get; } = "0x" + Hex.Encode(RandomNumberGenerator.GetBytes(20));

    /// <summary>Commits a root for the exact <c>getCommitment</c> calldata and returns (tx hash, block).</summary>
    internal (string TxHash, long Block) Commit(string calldata, string root)
    {
        lock (_gate)
        {
            long block = ++_block;
            string tx = "0x" + Hex.Encode(RandomNumberGenerator.GetBytes(32));
            _commitments[calldata.ToLowerInvariant()] = (root, block);

            _receipts[tx] = new JObject
            {
                ["transactionHash"] = tx,
                ["status"] = "0x1",
                ["blockNumber"] = "0x" + block.ToString("x", CultureInfo.InvariantCulture),
                ["to"] = ContractAddress,
            };
            return (tx, block);
        }
    }

    /// <summary>Answers one JSON-RPC request object.</summary>
    internal JObject Answer(JObject request)
    {
        JToken id = request["id"] ?? JValue.CreateNull();
        string? method = (string?)request["method"];
        JArray parameters = request["params"] as JArray ?? [];
        lock (_gate)
        {
            JToken? result = method switch
            {
                "eth_call" => Call(parameters),
                "eth_getTransactionReceipt" => _receipts.TryGetValue((string?)parameters.FirstOrDefault() ?? string.Empty, out JObject? r) ? r.DeepClone() : JValue.CreateNull(),
                "eth_chainId" => "0x539",
                _ => null,
            };
            return result is null
                ? new JObject { ["jsonrpc"] = "2.0", ["id"] = id, ["error"] = new JObject { ["code"] = -32601, ["message"] = $"method not found: {method}" } }
                : new JObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result };
        }
    }

    private string Call(JArray parameters)
    {
        string to = ((string?)parameters.FirstOrDefault()?["to"]) ?? string.Empty;
        string data = ((string?)parameters.FirstOrDefault()?["data"]) ?? string.Empty;
        if (!string.Equals(to, ContractAddress, StringComparison.OrdinalIgnoreCase) || data.Length != 2 + 8 + 64)
        {
            return "0x";
        }

        return _commitments.TryGetValue(data.ToLowerInvariant(), out var commitment)
            ? "0x" + commitment.Root + commitment.Block.ToString("x64", CultureInfo.InvariantCulture)
            : "0x" + new string('0', 128);
    }
}
