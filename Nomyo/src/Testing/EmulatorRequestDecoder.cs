using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shared.Crypto;
using Shared.Http;

namespace Nomyo.Testing;

/// <summary>A request package the emulator decrypted, with the key to answer to.</summary>
internal sealed record DecodedRequest(RsaPublicKey ClientKey, JObject Payload, byte[] PayloadBytes);

/// <summary>
/// Reads a secure completion request the way the server must (spec §3–4): headers, the
/// percent-encoded client key, the package fields, strict base64, RSA-OAEP unwrap, AES-GCM
/// with a separate tag. Every problem is a 400 with a FastAPI-style <c>detail</c>.
/// </summary>
internal static class EmulatorRequestDecoder
{
    internal static (DecodedRequest? Request, EmulatorResponse? Error) Decode(EmulatorRequest request, RsaPrivateKey serverKey, EmulatorClientKeyCache clientKeys)
    {
        if (string.IsNullOrEmpty(request.Header("X-Payload-ID")))
        {
            return Fail("Missing X-Payload-ID header");
        }

        string? tier = request.Header("X-Security-Tier");
        if (tier is not null && tier is not ("standard" or "high" or "maximum"))
        {
            return Fail($"Invalid security tier '{tier}': must be standard, high or maximum");
        }

        RsaPublicKey clientKey;
        try
        {
            clientKey = clientKeys.Get(request.Header("X-Public-Key") ?? string.Empty);
        }
        catch (CryptoException)
        {
            return Fail("Missing or invalid X-Public-Key header: expected a percent-encoded PEM RSA public key");
        }

        JObject package;
        try
        {
            package = NomyoJson.ParseObject(request.Body, "The request package", NomyoSecurityReason.MalformedPackage);
        }
        catch (NomyoSecurityException)
        {
            return Fail("Request body is not a JSON package");
        }

        if ((string?)package["version"] != NomyoProtocol.Version || (string?)package["algorithm"] != NomyoProtocol.Algorithm)
        {
            return Fail("Unsupported package version or algorithm");
        }

        if (package["encrypted_payload"] is not JObject payload || payload["ciphertext"] is null || payload["nonce"] is null)
        {
            return Fail("encrypted_payload lacks ciphertext or nonce");
        }

        if (payload["tag"] is null)
        {
            return Fail("encrypted_payload lacks tag");
        }

        if (!TryDecode(payload["ciphertext"], out byte[]? ciphertext) || !TryDecode(payload["nonce"], out byte[]? nonce)
            || !TryDecode(payload["tag"], out byte[]? tag) || !TryDecode(package["encrypted_aes_key"], out byte[]? wrappedKey))
        {
            return Fail("Package fields must be strict base64 strings");
        }

        byte[] plaintext;
        try
        {
            using SecureBuffer opened = HybridEnvelope.Open(serverKey, new HybridEnvelopeParts(wrappedKey, nonce, ciphertext, tag));
            plaintext = opened.ToArray();
        }
        catch (CryptoException)
        {
            return Fail("Decryption failed");
        }

        JObject body;
        try
        {
            body = NomyoJson.ParseObject(plaintext, "The payload", NomyoSecurityReason.MalformedPlaintext);
        }
        catch (NomyoSecurityException)
        {
            return Fail("Decrypted payload is not a JSON object");
        }

        if (body["stream"] is { Type: JTokenType.Boolean } stream && (bool)stream)
        {
            return Fail("Streaming is not supported for secure completions");
        }

        if (body["model"] is not { Type: JTokenType.String } model || string.IsNullOrEmpty((string?)model))
        {
            return Fail("Payload lacks model");
        }

        if (body["messages"] is not JArray { Count: > 0 })
        {
            return Fail("Payload lacks messages");
        }

        return (new DecodedRequest(clientKey, body, plaintext), null);
    }

    internal static EmulatorResponse Detail(int status, string detail) => Error(status, null, detail);

    /// <summary>A FastAPI-style error: <c>{"detail": message}</c>, or <c>{"detail": {"code", "message"}}</c> with a code.</summary>
    internal static EmulatorResponse Error(int status, string? errorCode, string message) =>
        EmulatorResponse.Json(status, JsonConvert.SerializeObject(new JObject
        {
            ["detail"] = errorCode is null ? message : new JObject { ["code"] = errorCode, ["message"] = message },
        }));

    private static (DecodedRequest?, EmulatorResponse?) Fail(string detail) => (null, Detail(400, detail));

    private static bool TryDecode(JToken? token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        return token is { Type: JTokenType.String } && StrictBase64.TryDecode((string?)token, out bytes);
    }
}
