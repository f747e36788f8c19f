using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Lucairn;

/// <summary>
/// The three sanitizer hashes the v3 signable carries, read from the sanitizer claim's signed
/// <c>canonical_payload</c> (standard base64 of UTF-8 JSON): inside its <c>payload</c> member when
/// that is an object, otherwise at the top level. A value that is missing, not a string or empty
/// is null; a payload that does not decode or parse, or is not an object, gives three nulls (the
/// upstream Go rule). Duplicate keys: the last one wins, as in the upstream parsers.
/// </summary>
internal readonly record struct SanitizerHashes(string? RedactionManifestHash, string? SanitizedFieldsHash, string? TmsManifestHash)
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = CertificateReader.MaxDepth };

    private enum Member
    {
        Other,
        RedactionManifestHash,
        SanitizedFieldsHash,
        TmsManifestHash,
        Payload,
    }

    private static ReadOnlySpan<byte> RedactionManifestHashName => "redaction_manifest_hash"u8;

    private static ReadOnlySpan<byte> SanitizedFieldsHashName => "sanitized_fields_hash"u8;

    private static ReadOnlySpan<byte> TmsManifestHashName => "tms_manifest_hash"u8;

    private static ReadOnlySpan<byte> PayloadName => "payload"u8;

    /// <summary>Reads the hashes from a sanitizer claim's <c>canonical_payload</c> (base64 text as UTF-8 bytes; null or empty gives all nulls).</summary>
    internal static SanitizerHashes FromCanonicalPayload(ReadOnlySpan<byte> canonicalPayload)
    {
        if (canonicalPayload.IsEmpty)
        {
            return default;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(Base64.GetMaxDecodedFromUtf8Length(canonicalPayload.Length));
        try
        {
            if (Base64.DecodeFromUtf8(canonicalPayload, buffer, out _, out int length) != OperationStatus.Done || !Utf8.IsValid(buffer.AsSpan(0, length)))
            {
                return default;
            }

            return Read(buffer.AsSpan(0, length));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return default;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static SanitizerHashes Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }

        SanitizerHashes top = ReadObject(ref reader, out SanitizerHashes? inner);
        if (reader.Read())
        {
            return default;
        }

        return inner ?? top;
    }

    private static SanitizerHashes ReadObject(ref Utf8JsonReader reader, out SanitizerHashes? payload)
    {
        payload = null;
        string? redaction = null, sanitized = null, tms = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            switch (NameOf(ref reader))
            {
                case Member.RedactionManifestHash:
                    redaction = NextNonEmptyString(ref reader);
                    break;
                case Member.SanitizedFieldsHash:
                    sanitized = NextNonEmptyString(ref reader);
                    break;
                case Member.TmsManifestHash:
                    tms = NextNonEmptyString(ref reader);
                    break;
                case Member.Payload:
                    Advance(ref reader);
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        payload = ReadObject(ref reader, out _);
                    }
                    else
                    {
                        payload = null;
                        reader.Skip();
                    }

                    break;
                default:
                    Advance(ref reader);
                    reader.Skip();
                    break;
            }
        }

        return new SanitizerHashes(redaction, sanitized, tms);
    }

    /// <summary>Which of the four names the current property name is: the lengths differ, so an unescaped name is one length switch and one compare.</summary>
    private static Member NameOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return reader.ValueTextEquals(RedactionManifestHashName) ? Member.RedactionManifestHash
                : reader.ValueTextEquals(SanitizedFieldsHashName) ? Member.SanitizedFieldsHash
                : reader.ValueTextEquals(TmsManifestHashName) ? Member.TmsManifestHash
                : reader.ValueTextEquals(PayloadName) ? Member.Payload
                : Member.Other;
        }

        ReadOnlySpan<byte> name = reader.ValueSpan;
        return name.Length switch
        {
            23 when name.SequenceEqual(RedactionManifestHashName) => Member.RedactionManifestHash,
            21 when name.SequenceEqual(SanitizedFieldsHashName) => Member.SanitizedFieldsHash,
            17 when name.SequenceEqual(TmsManifestHashName) => Member.TmsManifestHash,
            7 when name.SequenceEqual(PayloadName) => Member.Payload,
            _ => Member.Other,
        };
    }

    private static string? NextNonEmptyString(ref Utf8JsonReader reader)
    {
        Advance(ref reader);
        if (reader.TokenType == JsonTokenType.String)
        {
            string value = reader.GetString()!;
            return value.Length > 0 ? value : null;
        }

        reader.Skip();
        return null;
    }

    private static void Advance(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The sanitizer payload ended early.");
        }
    }
}
