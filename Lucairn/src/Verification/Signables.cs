using System.Runtime.InteropServices;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn;

/// <summary>
/// The bytes the witness signs (spec §8), rebuilt from a certificate's raw JSON values and
/// written with the Lucairn canonical JSON profile: the 7-key v2 map and the 13-key v3 map.
/// The emulator signs with these same bytes. The members are written straight into a pooled
/// buffer in canonical key order (<see cref="CanonicalJsonObjectWriter"/> checks the order and
/// escapes exactly as <see cref="CanonicalJson"/> does): no token tree, no sort.
/// </summary>
internal static class Signables
{
    /// <summary>The v2 signable of a certificate object.</summary>
    /// <exception cref="LucairnCertificateException">The certificate is malformed.</exception>
    internal static byte[] BuildV2(JObject certificate) => BuildV2(CertificateReader.Read(certificate));

    /// <summary>The v3 signable of a certificate object.</summary>
    /// <exception cref="LucairnCertificateException">The certificate is malformed.</exception>
    internal static byte[] BuildV3(JObject certificate) => BuildV3(CertificateReader.Read(certificate));

    internal static byte[] BuildV2(CertificateFields fields)
    {
        using var writer = new CanonicalJsonObjectWriter(LucairnCanonicalJson.Options, InitialCapacity);
        WriteV2(fields, writer);
        return writer.ToArray();
    }

    internal static byte[] BuildV3(CertificateFields fields)
    {
        using var writer = new CanonicalJsonObjectWriter(LucairnCanonicalJson.Options, InitialCapacity);
        WriteV3(fields, writer);
        return writer.ToArray();
    }

    /// <summary>Writes the 7-key v2 map (complete it with <see cref="CanonicalJsonObjectWriter.Complete"/>).</summary>
    /// <exception cref="LucairnCertificateException">The certificate is malformed.</exception>
    internal static void WriteV2(CertificateFields fields, CanonicalJsonObjectWriter writer)
    {
        CheckClaims(fields);
        Encode(fields, writer, static (fields, writer) =>
        {
            writer.WriteString("certificate_id", fields.CertificateId);
            writer.WriteStringArray("claim_ids", ClaimIds(fields));
            writer.WriteString("issued_at", IssuedAt.Normalize(fields.IssuedAt));
            writer.WriteString("overall_verdict", ShortVerdict(fields.OverallVerdict));
            writer.WriteInteger("protocol_version", ProtocolVersion);
            writer.WriteString("request_id", fields.RequestId);
            writer.WriteString("witness_key_id", fields.WitnessKeyId);
        });
    }

    /// <summary>Writes the 13-key v3 map (complete it with <see cref="CanonicalJsonObjectWriter.Complete"/>).</summary>
    /// <exception cref="LucairnCertificateException">The certificate is malformed.</exception>
    internal static void WriteV3(CertificateFields fields, CanonicalJsonObjectWriter writer)
    {
        CheckClaims(fields);
        Encode(fields, writer, static (fields, writer) =>
        {
            SanitizerHashes hashes = fields.SanitizerHashes;
            writer.WriteString("api_key_id", fields.ApiKeyId);
            writer.WriteBoolean("byok_exempt", fields.ByokExempt);
            writer.WriteString("certificate_id", fields.CertificateId);
            writer.WriteStringArray("claim_ids", ClaimIds(fields));
            writer.WriteString("client_id", fields.ClientId);
            writer.WriteString("issued_at", IssuedAt.Normalize(fields.IssuedAt));
            writer.WriteString("overall_verdict", ShortVerdict(fields.OverallVerdict));
            writer.WriteInteger("protocol_version", ProtocolVersion);
            writer.WriteString("redaction_manifest_hash", hashes.RedactionManifestHash);
            writer.WriteString("request_id", fields.RequestId);
            writer.WriteString("sanitized_fields_body_hash", hashes.SanitizedFieldsHash);
            writer.WriteString("tms_manifest_hash", hashes.TmsManifestHash);
            writer.WriteString("witness_key_id", fields.WitnessKeyId);
        });
    }

    /// <summary>The witness's short verdict form.</summary>
    internal static string ShortVerdict(VeilVerdict verdict) => verdict switch
    {
        VeilVerdict.Unspecified => "UNSPECIFIED",
        VeilVerdict.Verified => "VERIFIED",
        VeilVerdict.Partial => "PARTIAL",
        VeilVerdict.Failed => "FAILED",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Not a defined verdict."),
    };

    /// <summary>Enough for the real v3 signable (about 600 bytes) without growing.</summary>
    private const int InitialCapacity = 1024;

    /// <summary>protocol_version in both maps is the literal 2 (also on v3), never the certificate's field.</summary>
    private const long ProtocolVersion = 2;

    private static void CheckClaims(CertificateFields fields)
    {
        if (fields.ClaimIds.Count == 0)
        {
            throw CertificateFailure.Malformed("claims is empty; a certificate needs at least one claim.", fields.CertificateId);
        }

        if (!string.Equals(fields.FirstClaimRequestId, fields.RequestId, StringComparison.Ordinal))
        {
            throw CertificateFailure.Malformed("request_id differs from claims[0].request_id.", fields.CertificateId);
        }
    }

    private static ReadOnlySpan<string?> ClaimIds(CertificateFields fields) => CollectionsMarshal.AsSpan(fields.ClaimIds);

    private static void Encode(CertificateFields fields, CanonicalJsonObjectWriter writer, Action<CertificateFields, CanonicalJsonObjectWriter> write)
    {
        try
        {
            write(fields, writer);
        }
        catch (CanonicalJsonException ex)
        {
            throw CertificateFailure.Malformed($"the signed fields cannot be encoded as canonical JSON: {ex.Message}", fields.CertificateId, ex);
        }
    }
}
