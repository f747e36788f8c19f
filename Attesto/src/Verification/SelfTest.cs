using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// The built-in self-test (spec §18): on the first hashing operation in the process, the SDK
/// recomputes an embedded subset of the conformance vectors (canonical JSON, number policy,
/// payload commitment, window and checkpoint Merkle roots, inclusion proofs, receipt digest
/// and signature) and refuses to produce or verify evidence if any value diverges. Runs once,
/// thread-safe; later calls cost one volatile read.
/// </summary>
internal static class SelfTest
{
    private const string ResourceName = "Attesto.SelfTestVectors.json";

    private static readonly Lazy<string?> Outcome = new(() => Run(LoadEmbedded()), LazyThreadSafetyMode.ExecutionAndPublication);
    private static volatile bool s_passed;

    /// <summary>Runs the self-test once per process and throws if it failed (now or earlier).</summary>
    /// <exception cref="AttestoSelfTestException">The SDK diverges from the embedded vectors.</exception>
    internal static void EnsurePassed()
    {
        if (s_passed)
        {
            return;
        }

        string? failure = Outcome.Value;
        if (failure is not null)
        {
            throw new AttestoSelfTestException("Attesto SDK self-test failed; no evidence is produced or verified by this installation: " + failure);
        }

        s_passed = true;
    }

    /// <summary>The once-per-process outcome: null when passed, else the first divergence.</summary>
    internal static string? Failure => Outcome.Value;

    /// <summary>Runs the checks against a vector document.</summary>
    /// <param name="vectorsJson">The vector subset (the embedded resource's format).</param>
    /// <returns>Null when every value matches, else a description of the first divergence.</returns>
    internal static string? Run(string vectorsJson)
    {
        try
        {
            var doc = (JObject)CanonicalJson.Parse(vectorsJson, AttestoCanonicalJson.Options);
            return CheckCanonical(doc) ?? CheckNumberPolicy(doc) ?? CheckPayloadCommitment(doc) ?? CheckMerkle(doc) ?? CheckReceipt(doc);
        }
        catch (Exception ex) when (ex is AttestoException or CryptoException or InvalidCastException or ArgumentException or InvalidOperationException or FormatException)
        {
            return $"the vectors could not be evaluated ({ex.GetType().Name}: {ex.Message})";
        }
    }

    private static string LoadEmbedded()
    {
        using Stream? stream = typeof(SelfTest).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return "{}";
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string? CheckCanonical(JObject doc)
    {
        foreach (JToken c in Required<JArray>(doc, "canonical"))
        {
            byte[] canonical = AttestoCanonicalJson.Serialize(AttestoCanonicalJson.Parse((string)c["input_json"]!));
            if (Hashes.Sha256Hex(canonical) != (string?)c["expected_sha256_hex"])
            {
                return $"canonical JSON of {(string?)c["input_json"]} diverges";
            }
        }

        return null;
    }

    private static string? CheckNumberPolicy(JObject doc)
    {
        foreach (JToken c in Required<JArray>(doc, "number_policy"))
        {
            string input = (string)c["input_json"]!;
            string? expectedPath = (string?)c["expected_path"];
            string? actualPath = null;
            try
            {
                AttestoCanonicalJson.CheckNumberPolicy(AttestoCanonicalJson.Parse(input));
            }
            catch (AttestoUnsafeNumberException ex)
            {
                actualPath = ex.Path;
            }

            if (actualPath != expectedPath)
            {
                return $"number policy for {input}: expected path {expectedPath ?? "(accepted)"}, got {actualPath ?? "(accepted)"}";
            }
        }

        return null;
    }

    private static string? CheckPayloadCommitment(JObject doc)
    {
        foreach (JToken c in Required<JArray>(doc, "payload_commitment"))
        {
            if (Hex.Encode(AttestoHashes.PayloadHash(c["payload"]!)) != (string?)c["canonical_payload_hash"])
            {
                return "payload commitment diverges";
            }
        }

        return null;
    }

    private static string? CheckMerkle(JObject doc)
    {
        JObject window = Required<JObject>(doc, "window");
        List<byte[]> leaves = Required<JArray>(window, "leaves").Select(t => Hex.Decode((string)t!)).ToList();
        if (Hex.Encode(MerkleTree.ComputeRoot(leaves, MerkleDomain.Window)) != (string?)window["root"])
        {
            return "window Merkle root diverges";
        }

        foreach (JToken c in Required<JArray>(window, "inclusion"))
        {
            bool ok = Proofs.TryParseProof(c["proof"], out IReadOnlyList<MerkleProofStep>? steps)
                && MerkleTree.VerifyInclusion((string?)c["leaf_hash"], steps, (string?)c["root_hash"], MerkleDomain.Window);
            if (ok != (bool)c["expected"]!)
            {
                return "window inclusion proof verification diverges";
            }
        }

        JObject checkpoint = Required<JObject>(doc, "checkpoint");
        List<byte[]> windows = Required<JArray>(checkpoint, "window_hashes").Select(t => Hex.Decode((string)t!)).ToList();
        return Hex.Encode(MerkleTree.ComputeRoot(windows, MerkleDomain.Checkpoint)) != (string?)checkpoint["checkpoint_root"]
            ? "checkpoint root diverges"
            : null;
    }

    private static string? CheckReceipt(JObject doc)
    {
        JObject vector = Required<JObject>(doc, "receipt");
        JObject receipt = Required<JObject>(vector, "receipt");
        byte[] digest = ReceiptSigning.SigningInput(receipt["payload"]!);
        if (Hex.Encode(digest) != (string?)vector["expected_digest_hex"])
        {
            return "receipt digest diverges";
        }

        Ed25519PublicKey key = Ed25519PublicKey.FromHex((string)vector["public_key_hex"]!);
        byte[] signature = Hex.Decode((string)receipt["signature"]!);
        if (!key.Verify(digest, signature))
        {
            return "a valid receipt signature does not verify";
        }

        return key.Verify(ReceiptSigning.SigningInput(vector["tampered"]!), signature)
            ? "a tampered receipt verifies"
            : null;
    }

    private static T Required<T>(JObject parent, string name)
        where T : JToken =>
        parent[name] as T ?? throw new FormatException($"the vector section '{name}' is missing");
}
