using System.Text;
using Newtonsoft.Json;
using Shared.Crypto;

namespace Lucairn;

/// <summary>
/// The three sanitizer hashes the v3 signable carries, read from the sanitizer claim's signed
/// <c>canonical_payload</c> (base64 of JSON): inside its <c>payload</c> object when that is an
/// object, otherwise at the top level. A value that is missing, not a string or empty is null;
/// any decoding or parsing failure makes all three null (the upstream Go rule).
/// </summary>
internal readonly record struct SanitizerHashes(string? RedactionManifestHash, string? SanitizedFieldsHash, string? TmsManifestHash)
{
    private const int MaxDepth = 64;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the hashes from a sanitizer claim's <c>canonical_payload</c> (null or empty gives all nulls).</summary>
    internal static SanitizerHashes FromCanonicalPayload(string? canonicalPayload)
    {
        if (string.IsNullOrEmpty(canonicalPayload))
        {
            return default;
        }

        try
        {
            string json = StrictUtf8.GetString(Convert.FromBase64String(canonicalPayload));
            using var text = new StringReader(json);
            using JsonTextReader reader = CanonicalJson.CreateReader(text, MaxDepth);
            return Read(reader);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or JsonException or DecoderFallbackException)
        {
            return default;
        }
    }

    private static SanitizerHashes Read(JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
        {
            SkipToEnd(reader);
            return default;
        }

        SanitizerHashes top = ReadObject(reader, out SanitizerHashes? inner);
        SkipToEnd(reader);
        return inner ?? top;
    }

    /// <summary>Reads one object's hash members (last duplicate wins, as in the upstream parsers) and, at the top, its <c>payload</c> object.</summary>
    private static SanitizerHashes ReadObject(JsonReader reader, out SanitizerHashes? payload)
    {
        payload = null;
        string? redaction = null, sanitized = null, tms = null;
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            string name = (string)reader.Value!;
            if (!reader.Read())
            {
                throw new JsonReaderException("The sanitizer payload ended early.");
            }

            switch (name)
            {
                case "redaction_manifest_hash":
                    redaction = NonEmptyString(reader);
                    break;
                case "sanitized_fields_hash":
                    sanitized = NonEmptyString(reader);
                    break;
                case "tms_manifest_hash":
                    tms = NonEmptyString(reader);
                    break;
                case "payload" when reader.TokenType == JsonToken.StartObject:
                    payload = ReadObject(reader, out _);
                    break;
                case "payload":
                    payload = null;
                    reader.Skip();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (reader.TokenType != JsonToken.EndObject)
        {
            throw new JsonReaderException("The sanitizer payload is not a well-formed object.");
        }

        return new SanitizerHashes(redaction, sanitized, tms);
    }

    private static string? NonEmptyString(JsonReader reader)
    {
        if (reader.TokenType == JsonToken.String && reader.Value is string { Length: > 0 } value)
        {
            return value;
        }

        reader.Skip();
        return null;
    }

    private static void SkipToEnd(JsonReader reader)
    {
        reader.Skip();
        if (reader.Read())
        {
            throw new JsonReaderException("The sanitizer payload has content after its value.");
        }
    }
}
