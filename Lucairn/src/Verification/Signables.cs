using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn;

/// <summary>
/// The bytes the witness signs (spec §8), rebuilt from a certificate's raw JSON values and
/// written with the Lucairn canonical JSON profile: the 7-key v2 map and the 13-key v3 map.
/// The emulator signs with these same bytes. The maps are built in canonical key order, which
/// only spares the writer a sort: <see cref="CanonicalJson"/> orders keys itself.
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
        CheckClaims(fields);
        var map = new JObject
        {
            ["certificate_id"] = fields.CertificateId,
            ["claim_ids"] = ClaimIds(fields),
            ["issued_at"] = IssuedAt.Normalize(fields.IssuedAt),
            ["overall_verdict"] = ShortVerdict(fields.OverallVerdict),
            ["protocol_version"] = ProtocolVersion,
            ["request_id"] = fields.RequestId,
            ["witness_key_id"] = fields.WitnessKeyId,
        };
        return Encode(map, fields);
    }

    internal static byte[] BuildV3(CertificateFields fields)
    {
        CheckClaims(fields);
        SanitizerHashes hashes = SanitizerHashes.FromCanonicalPayload(fields.SanitizerCanonicalPayload);
        var map = new JObject
        {
            ["api_key_id"] = StringOrNull(fields.ApiKeyId),
            ["byok_exempt"] = fields.ByokExempt,
            ["certificate_id"] = fields.CertificateId,
            ["claim_ids"] = ClaimIds(fields),
            ["client_id"] = StringOrNull(fields.ClientId),
            ["issued_at"] = IssuedAt.Normalize(fields.IssuedAt),
            ["overall_verdict"] = ShortVerdict(fields.OverallVerdict),
            ["protocol_version"] = ProtocolVersion,
            ["redaction_manifest_hash"] = StringOrNull(hashes.RedactionManifestHash),
            ["request_id"] = fields.RequestId,
            ["sanitized_fields_body_hash"] = StringOrNull(hashes.SanitizedFieldsHash),
            ["tms_manifest_hash"] = StringOrNull(hashes.TmsManifestHash),
            ["witness_key_id"] = fields.WitnessKeyId,
        };
        return Encode(map, fields);
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

    // A JValue built from a null string has type String (not Null); write real JSON nulls.
    private static JValue StringOrNull(string? value) => value is null ? JValue.CreateNull() : new JValue(value);

    /// <summary>protocol_version in both maps is the literal 2 (also on v3), never the certificate's field.</summary>
    private static JValue ProtocolVersion => new(2L);

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

    private static JArray ClaimIds(CertificateFields fields)
    {
        var claimIds = new JArray();
        foreach (string claimId in fields.ClaimIds)
        {
            claimIds.Add(claimId);
        }

        return claimIds;
    }

    private static byte[] Encode(JObject map, CertificateFields fields)
    {
        try
        {
            return CanonicalJson.Serialize(map, CanonicalJsonOptions.Lucairn);
        }
        catch (CanonicalJsonException ex)
        {
            throw CertificateFailure.Malformed($"the signed fields cannot be encoded as canonical JSON: {ex.Message}", fields.CertificateId, ex);
        }
    }
}
