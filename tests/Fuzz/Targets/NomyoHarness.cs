using Fuzz.Harness;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Nomyo;
using Shared.Crypto;

namespace Fuzz.Targets;

/// <summary>
/// The NOMYO side of the harness: a client holding the fixed TEST-ONLY key
/// <c>tests/Fuzz/Keys/nomyo-client-TEST-ONLY.pem</c> (RSA-2048, the smallest the client accepts, so
/// each execution's RSA decrypt stays cheap), and a sealer that wraps any plaintext in a response
/// package for that key (RSA-OAEP-SHA256 key wrap, AES-256-GCM with a fixed key and nonce), written
/// here from the spec rather than with the SDK's own writer.
/// </summary>
internal static class NomyoHarness
{
    /// <summary>The payload id every fuzz response is checked against.</summary>
    internal const string PayloadId = "7d3f2a9e-4b1c-4e8a-9f6d-2c5b8a1e0f34";

    private static readonly byte[] AesKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Nonce = Enumerable.Range(100, AesGcmCipher.NonceSize).Select(i => (byte)i).ToArray();
    private static readonly Lazy<RsaPrivateKey> Key = new(() => RsaPrivateKey.FromPem(File.ReadAllText(RepoPaths.FuzzFile("Keys/nomyo-client-TEST-ONLY.pem"))));
    private static readonly Lazy<SecureCompletionClient> LazyClient = new(() => new SecureCompletionClient(new NomyoClientOptions { ClientKey = Key.Value, SecureMemory = false }));
    private static readonly Lazy<byte[]> WrappedKey = new(() => Key.Value.PublicKey.Encrypt(AesKey));

    /// <summary>The client that decrypts (never sends anything).</summary>
    internal static SecureCompletionClient Client => LazyClient.Value;

    /// <summary>Seals <paramref name="plaintext"/> into a response package for the test key.</summary>
    internal static byte[] Seal(ReadOnlySpan<byte> plaintext)
    {
        byte[] ciphertext = new byte[plaintext.Length];
        byte[] tag = new byte[AesGcmCipher.TagSize];
        AesGcmCipher.Encrypt(AesKey, Nonce, plaintext, ciphertext, tag);
        var package = new JObject
        {
            ["version"] = NomyoProtocol.Version,
            ["algorithm"] = NomyoProtocol.Algorithm,
            ["encrypted_payload"] = new JObject
            {
                ["ciphertext"] = StrictBase64.Encode(ciphertext),
                ["nonce"] = StrictBase64.Encode(Nonce),
                ["tag"] = StrictBase64.Encode(tag),
            },
            ["encrypted_aes_key"] = StrictBase64.Encode(WrappedKey.Value),
            ["key_algorithm"] = NomyoProtocol.KeyAlgorithm,
            ["payload_algorithm"] = NomyoProtocol.PayloadAlgorithm,
            ["processed_at"] = 1_760_000_000,
        };
        return System.Text.Encoding.UTF8.GetBytes(package.ToString(Formatting.None));
    }

    /// <summary>
    /// Seed plaintexts: completions shaped as spec §6 describes (NOMYO has no conformance vectors),
    /// one with the matching <c>_metadata.payload_id</c>, one without <c>_metadata</c>, one with tool calls.
    /// </summary>
    internal static IEnumerable<FuzzInput> Completions()
    {
        JObject Completion() => new()
        {
            ["id"] = "chatcmpl-fuzz",
            ["object"] = "chat.completion",
            ["created"] = 1_760_000_000,
            ["model"] = "fuzz-model",
            ["choices"] = new JArray(new JObject
            {
                ["index"] = 0,
                ["message"] = new JObject { ["role"] = "assistant", ["content"] = "Hello \u00e9\ud83d\ude00" },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JObject { ["prompt_tokens"] = 3, ["completion_tokens"] = 2, ["total_tokens"] = 5 },
        };

        JObject withMetadata = Completion();
        withMetadata["_metadata"] = new JObject { ["payload_id"] = PayloadId, ["is_encrypted"] = true, ["security_tier"] = "standard" };
        yield return FuzzInput.Text("completion-with-metadata", withMetadata.ToString(Formatting.None));
        yield return FuzzInput.Text("completion-without-metadata", Completion().ToString(Formatting.None));

        JObject tools = Completion();
        tools["choices"]![0]!["message"] = new JObject
        {
            ["role"] = "assistant",
            ["content"] = null,
            ["tool_calls"] = new JArray(new JObject { ["id"] = "call_1", ["type"] = "function", ["function"] = new JObject { ["name"] = "f", ["arguments"] = "{\"a\":1}" } }),
        };
        tools["choices"]![0]!["finish_reason"] = "tool_calls";
        yield return FuzzInput.Text("completion-tool-calls", tools.ToString(Formatting.None));
    }
}
