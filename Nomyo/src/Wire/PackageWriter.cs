using System.Globalization;
using Shared.Crypto;

namespace Nomyo;

/// <summary>
/// Serializes the encrypted package of spec §3.2 (request) and §4 (response, which adds
/// <c>processed_at</c>) in Python <c>json.dumps</c> form, writing base64 straight into the buffer.
/// </summary>
internal static class PackageWriter
{
    /// <summary>The package bytes.</summary>
    /// <param name="parts">Wrapped key, nonce, ciphertext and tag.</param>
    /// <param name="processedAt">Unix seconds for a response package; null for a request (the field is omitted).</param>
    internal static byte[] Write(HybridEnvelopeParts parts, long? processedAt = null)
    {
        // Base64 grows 4/3; the rest of the package is under 1 KiB plus the wrapped key.
        long estimate = ((parts.Ciphertext.Length + 2L) / 3 * 4) + 2048;
        using var writer = new SensitiveBufferWriter((int)Math.Min(estimate, Array.MaxLength));
        writer.Write((byte)'{');
        PythonJsonWriter.WriteKey(writer, "version", first: true);
        PythonJsonWriter.WriteString(writer, NomyoProtocol.Version);
        PythonJsonWriter.WriteKey(writer, "algorithm", first: false);
        PythonJsonWriter.WriteString(writer, NomyoProtocol.Algorithm);
        PythonJsonWriter.WriteKey(writer, "encrypted_payload", first: false);
        writer.Write((byte)'{');
        PythonJsonWriter.WriteKey(writer, "ciphertext", first: true);
        PythonJsonWriter.WriteBase64String(writer, parts.Ciphertext);
        PythonJsonWriter.WriteKey(writer, "nonce", first: false);
        PythonJsonWriter.WriteBase64String(writer, parts.Nonce);
        PythonJsonWriter.WriteKey(writer, "tag", first: false);
        PythonJsonWriter.WriteBase64String(writer, parts.Tag);
        writer.Write((byte)'}');
        PythonJsonWriter.WriteKey(writer, "encrypted_aes_key", first: false);
        PythonJsonWriter.WriteBase64String(writer, parts.EncryptedKey);
        PythonJsonWriter.WriteKey(writer, "key_algorithm", first: false);
        PythonJsonWriter.WriteString(writer, NomyoProtocol.KeyAlgorithm);
        PythonJsonWriter.WriteKey(writer, "payload_algorithm", first: false);
        PythonJsonWriter.WriteString(writer, NomyoProtocol.PayloadAlgorithm);
        if (processedAt is long seconds)
        {
            PythonJsonWriter.WriteKey(writer, "processed_at", first: false);
            writer.WriteAscii(seconds.ToString(CultureInfo.InvariantCulture));
        }

        writer.Write((byte)'}');
        return writer.ToArray();
    }
}
