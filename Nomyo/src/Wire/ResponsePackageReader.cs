using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Nomyo;

/// <summary>An encrypted response package that passed every format check.</summary>
/// <param name="Parts">The wrapped key, 12-byte nonce, ciphertext and 16-byte tag.</param>
/// <param name="ProcessedAt">The server's <c>processed_at</c> (Unix seconds), or null.</param>
internal sealed record ResponsePackage(HybridEnvelopeParts Parts, long? ProcessedAt);

/// <summary>
/// The response validation chain of spec §6, hardened (§12a.4): the package must be a JSON
/// object with <c>version == "1.0"</c>, <c>algorithm == "hybrid-aes256-rsa4096"</c>, the
/// algorithm names (when present) as sent, strict base64 everywhere, a 12-byte nonce and a
/// 16-byte tag. Every failure is a <see cref="NomyoSecurityException"/> (a malformed or
/// downgraded response is treated as an attack, never as a transient error).
/// </summary>
internal static class ResponsePackageReader
{
    private static readonly string[] Required = ["version", "algorithm", "encrypted_payload", "encrypted_aes_key"];

    internal static ResponsePackage Read(byte[] body)
    {
        if (body.Length == 0)
        {
            throw new NomyoSecurityException(NomyoSecurityReason.MalformedPackage, "Empty encrypted response.");
        }

        JObject package = NomyoJson.ParseObject(body, "The encrypted response", NomyoSecurityReason.MalformedPackage);
        string[] missing = Required.Where(name => package[name] is null).ToArray();
        if (missing.Length > 0)
        {
            throw new NomyoSecurityException(NomyoSecurityReason.MalformedPackage, $"Invalid encrypted response: missing field(s) {string.Join(", ", missing)}.");
        }

        RequireValue(package, "version", NomyoProtocol.Version, optional: false);
        RequireValue(package, "algorithm", NomyoProtocol.Algorithm, optional: false);
        RequireValue(package, "key_algorithm", NomyoProtocol.KeyAlgorithm, optional: true);
        RequireValue(package, "payload_algorithm", NomyoProtocol.PayloadAlgorithm, optional: true);

        if (package["encrypted_payload"] is not JObject payload)
        {
            throw new NomyoSecurityException(NomyoSecurityReason.MalformedPackage, "Invalid encrypted response: 'encrypted_payload' must be an object with ciphertext, nonce and tag.");
        }

        byte[] ciphertext = DecodeField(payload, "ciphertext", "encrypted_payload.ciphertext");
        byte[] nonce = DecodeField(payload, "nonce", "encrypted_payload.nonce");
        byte[] tag = DecodeField(payload, "tag", "encrypted_payload.tag");
        byte[] wrappedKey = DecodeField(package, "encrypted_aes_key", "encrypted_aes_key");
        RequireLength(nonce, AesGcmCipher.NonceSize, "encrypted_payload.nonce");
        RequireLength(tag, AesGcmCipher.TagSize, "encrypted_payload.tag");

        return new ResponsePackage(new HybridEnvelopeParts(wrappedKey, nonce, ciphertext, tag), ReadProcessedAt(package));
    }

    private static void RequireValue(JObject package, string name, string expected, bool optional)
    {
        JToken? token = package[name];
        if (token is null && optional)
        {
            return;
        }

        if (token is not { Type: JTokenType.String } || !string.Equals((string?)token, expected, StringComparison.Ordinal))
        {
            throw new NomyoSecurityException(
                NomyoSecurityReason.Downgrade,
                $"Unsupported encrypted response: '{name}' is {Describe(token)}, expected \"{expected}\" (possible downgrade attack).");
        }
    }

    private static byte[] DecodeField(JObject owner, string name, string path)
    {
        if (owner[name] is not { Type: JTokenType.String } token)
        {
            throw new NomyoSecurityException(NomyoSecurityReason.MalformedPackage, $"Invalid encrypted response: '{path}' must be a base64 string; it is {Describe(owner[name])}.");
        }

        try
        {
            return StrictBase64.Decode((string)token!, path);
        }
        catch (CryptoFormatException ex)
        {
            throw new NomyoSecurityException(NomyoSecurityReason.MalformedPackage, $"Invalid encrypted response: {ex.Message}", ex);
        }
    }

    private static void RequireLength(byte[] value, int expected, string path)
    {
        if (value.Length != expected)
        {
            throw new NomyoSecurityException(NomyoSecurityReason.MalformedPackage, $"Invalid encrypted response: '{path}' must be {expected} bytes; it is {value.Length}.");
        }
    }

    private static long? ReadProcessedAt(JObject package) => package["processed_at"] switch
    {
        null or { Type: JTokenType.Null } => null,
        JValue { Value: long seconds } => seconds,
        var other => throw new NomyoSecurityException(NomyoSecurityReason.MalformedPackage, $"Invalid encrypted response: 'processed_at' must be an integer; it is {Describe(other)}."),
    };

    private static string Describe(JToken? token) => token switch
    {
        null => "missing",
        { Type: JTokenType.String } => $"\"{Truncate((string)token!)}\"",
        _ => $"a {token.Type}",
    };

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
