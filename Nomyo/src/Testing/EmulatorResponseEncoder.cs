using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Nomyo.Testing;

/// <summary>
/// Encrypts the emulator's answer to the client's <c>X-Public-Key</c> with a fresh AES-256 key
/// and nonce (spec §4), in the Python package format, optionally broken by a <see cref="NomyoEmulatorFault"/>.
/// </summary>
internal static class EmulatorResponseEncoder
{
    internal static byte[] Encode(JObject completion, RsaPublicKey clientKey, long processedAt, NomyoEmulatorFault? fault)
    {
        if (fault == NomyoEmulatorFault.NotJson)
        {
            return Encoding.ASCII.GetBytes("<html>502 Bad Gateway</html>");
        }

        if (fault == NomyoEmulatorFault.WrongPayloadId)
        {
            completion["_metadata"]!["payload_id"] = Guid.NewGuid().ToString("D");
        }

        JToken plaintextValue = fault == NomyoEmulatorFault.ArrayPlaintext ? new JArray(completion) : completion;
        using var writer = new SensitiveBufferWriter(4096);
        PythonJsonWriter.WriteToken(writer, plaintextValue);
        HybridEnvelopeParts parts = Seal(writer.WrittenSpan, clientKey, fault == NomyoEmulatorFault.Aes128Key ? 16 : 32);
        byte[] package = PackageWriter.Write(parts, processedAt);
        return fault is null or NomyoEmulatorFault.Aes128Key or NomyoEmulatorFault.WrongPayloadId or NomyoEmulatorFault.ArrayPlaintext
            ? package
            : Break(package, fault.Value);
    }

    private static HybridEnvelopeParts Seal(ReadOnlySpan<byte> plaintext, RsaPublicKey recipient, int keySize)
    {
        using var key = new SecureBuffer(keySize);
        RandomNumberGenerator.Fill(key.Span);
        byte[] nonce = RandomNumberGenerator.GetBytes(AesGcmCipher.NonceSize);
        byte[] ciphertext = new byte[plaintext.Length];
        byte[] tag = new byte[AesGcmCipher.TagSize];
        AesGcmCipher.Encrypt(key.Span, nonce, plaintext, ciphertext, tag, allowShortKeys: true);
        return new HybridEnvelopeParts(recipient.Encrypt(key.Span), nonce, ciphertext, tag);
    }

    private static byte[] Break(byte[] package, NomyoEmulatorFault fault)
    {
        JObject json = NomyoJson.ParseObject(package, "package", NomyoSecurityReason.MalformedPackage);
        var payload = (JObject)json["encrypted_payload"]!;
        switch (fault)
        {
            case NomyoEmulatorFault.BadVersion:
                json["version"] = "0.9";
                break;
            case NomyoEmulatorFault.BadAlgorithm:
                json["algorithm"] = "hybrid-aes128-rsa2048";
                break;
            case NomyoEmulatorFault.TruncatedTag:
                payload["tag"] = StrictBase64.Encode(StrictBase64.Decode((string)payload["tag"]!).AsSpan(0, 12));
                break;
            case NomyoEmulatorFault.BadBase64:
                string ciphertext = (string)payload["ciphertext"]!;
                payload["ciphertext"] = ciphertext[..4] + "\n" + ciphertext[4..];
                break;
            case NomyoEmulatorFault.ShortNonce:
                payload["nonce"] = StrictBase64.Encode(RandomNumberGenerator.GetBytes(8));
                break;
            case NomyoEmulatorFault.MissingTag:
                payload.Remove("tag");
                break;
            case NomyoEmulatorFault.TamperedCiphertext:
                byte[] bytes = StrictBase64.Decode((string)payload["ciphertext"]!);
                bytes[0] ^= 0x01;
                payload["ciphertext"] = StrictBase64.Encode(bytes);
                break;
        }

        using var writer = new SensitiveBufferWriter(package.Length + 64);
        PythonJsonWriter.WriteToken(writer, json);
        return writer.ToArray();
    }
}
