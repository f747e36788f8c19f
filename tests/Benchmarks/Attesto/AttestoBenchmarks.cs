using System.Security.Cryptography;
using System.Text;
using Attesto;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Benchmarks.Attesto;

/// <summary>
/// The Attesto speed targets: Receipts.Verify ≥ 5,500/s on one core, an inclusion proof of depth
/// 20 ≥ 150,000/s, PayloadCommitment.Compute of a 2 KB payload ≥ 40,000/s.
/// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*AttestoBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class AttestoBenchmarks
{
    private const string WindowTag = "attesto.v2.window";

    private JObject _receipt = null!;
    private string _publicKeyHex = null!;
    private string _leaf = null!;
    private string _root = null!;
    private List<MerkleProofStep> _proof = null!;
    private JObject _payload = null!;

    [GlobalSetup]
    public void Setup()
    {
        var key = Ed25519PrivateKey.FromBytes(Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        _publicKeyHex = key.PublicKey.ToHex();
        var payload = new JObject
        {
            ["stream_id"] = "str_bench",
            ["stream_event_id"] = "sev_bench_1",
            ["seq_no"] = 1,
            ["event_hash"] = new string('c', 64),
            ["previous_event_hash"] = new string('0', 64),
            ["stream_head_hash"] = new string('e', 64),
            ["accepted_at"] = "2026-06-07T12:00:00Z",
        };
        byte[] canonical = AttestoCanonicalJson.Serialize(payload);
        byte[] digest = SHA256.HashData([.. Encoding.ASCII.GetBytes("attesto.v2.receipt"), 0, .. canonical]);
        _receipt = new JObject { ["alg"] = "Ed25519", ["kid"] = "bench", ["payload"] = payload, ["signature"] = Hex.Encode(key.Sign(digest)) };
        Require(Receipts.Verify(_receipt, _publicKeyHex).Ok, "receipt");

        byte[] current = SHA256.HashData("leaf"u8);
        _leaf = Hex.Encode(current);
        _proof = [];
        for (int level = 0; level < 20; level++)
        {
            byte[] sibling = SHA256.HashData(BitConverter.GetBytes(level));
            bool left = level % 3 == 0;
            _proof.Add(new MerkleProofStep(Hex.Encode(sibling), left ? MerkleSide.Left : MerkleSide.Right));
            current = SHA256.HashData([.. Encoding.ASCII.GetBytes(WindowTag), 0, .. left ? sibling : current, .. left ? current : sibling]);
        }

        _root = Hex.Encode(current);
        Require(Proofs.VerifyInclusion(_leaf, _proof, _root), "inclusion");

        _payload = new JObject();
        for (int i = 0; _payload.ToString(Newtonsoft.Json.Formatting.None).Length < 2048; i++)
        {
            _payload[$"field_{i:D3}"] = i % 2 == 0 ? $"value number {i} with some text, ünïcödé and more" : (JToken)(i * 1_000_003L);
        }
    }

    [Benchmark]
    public bool ReceiptsVerify() => Receipts.Verify(_receipt, _publicKeyHex).Ok;

    [Benchmark]
    public bool InclusionDepth20() => Proofs.VerifyInclusion(_leaf, _proof, _root);

    [Benchmark]
    public string PayloadCommitment2KB() => PayloadCommitment.Compute(_payload).CanonicalPayloadHash;

    private static void Require(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Benchmark setup: the {what} does not verify.");
        }
    }
}
