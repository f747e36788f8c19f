using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn.Testing;

/// <summary>
/// Builds and signs the emulator's certificates: gateway-shaped protobuf JSON with four claims,
/// signed over the same v2/v3 signable bytes the verifier rebuilds (<see cref="Signables"/>), and
/// marked <c>"mock": true</c> with a <c>mock-</c> witness key id.
/// </summary>
internal static class EmulatorCertificates
{
    internal static string Build(EmulatedRequest request, Ed25519PrivateKey witnessKey, string witnessKeyId)
    {
        string issuedAt = FormatTimestamp(request.IssuedAt);
        string certificateId = "veil_mock_" + Guid.NewGuid().ToString("N");
        var claims = new JArray
        {
            Claim(request, witnessKey, "dsa-bridge", "CLAIM_TYPE_TOKEN_GENERATED", issuedAt, ["prompt_template", "context_keys"], ["context_values"], new JObject { ["client_id"] = request.Customer.ClientId }),
            Claim(request, witnessKey, "dsa-sanitizer", "CLAIM_TYPE_PII_SANITIZED", issuedAt, ["context_values"], [], new JObject
            {
                ["redaction_manifest_hash"] = Hashes.Sha256Hex(Encoding.UTF8.GetBytes("mock-redaction-manifest:" + request.RequestId)),
                ["sanitized_fields_hash"] = Hashes.Sha256Hex(Encoding.UTF8.GetBytes("mock-sanitized-fields:" + request.RequestId)),
                ["redaction_count"] = request.RedactionCount,
            }),
            Claim(request, witnessKey, "dsa-ai", "CLAIM_TYPE_INFERENCE_COMPLETED", issuedAt, ["sanitized_prompt"], ["context_values"], new JObject { ["model"] = LucairnEmulator.MockModel }),
            Claim(request, witnessKey, "dsa-audit", "CLAIM_TYPE_EVENTS_RECORDED", issuedAt, ["event_metadata"], ["context_values"], new JObject { ["events"] = 1 }),
        };

        var certificate = new JObject
        {
            ["certificate_id"] = certificateId,
            ["request_id"] = request.RequestId,
            ["protocol_version"] = 2,
            ["claims"] = claims,
            ["verification"] = new JObject
            {
                ["signatures_valid"] = true,
                ["completeness"] = "COMPLETENESS_FULL",
                ["missing_services"] = new JArray(),
                ["temporal_consistent"] = true,
                ["data_visibility_consistent"] = true,
                ["isolation_verified"] = true,
                ["qi_score"] = null,
                ["overall_verdict"] = "VERDICT_VERIFIED",
                ["byok_exempt"] = false,
            },
            ["issued_at"] = issuedAt,
            ["witness_signature"] = string.Empty,
            ["witness_key_id"] = witnessKeyId,
            ["formal_verification"] = null,
            ["audit_integrity"] = null,
            ["privacy_budget"] = null,
            ["attestation"] = null,
            ["anchor_status"] = new JObject
            {
                ["status"] = "ANCHOR_STATUS_PENDING",
                ["attempts"] = 0,
                ["last_error"] = null,
                ["human_note"] = "Issued by LucairnEmulator: mock evidence, never anchored.",
            },
            ["client_id"] = request.Customer.ClientId,
            ["api_key_id"] = request.Customer.ApiKeyId,
            ["mock"] = true,
        };

        if (request.Version == SignableVersion.V3)
        {
            certificate["signable_v2_signature"] = string.Empty;
            certificate["signable_v3_signature"] = string.Empty;
            certificate["signable_protocol_version_emitted"] = 3;
        }

        string v2Signature = Convert.ToBase64String(witnessKey.Sign(Signables.BuildV2(certificate)));
        certificate["witness_signature"] = v2Signature;
        if (request.Version == SignableVersion.V3)
        {
            certificate["signable_v2_signature"] = v2Signature;
            certificate["signable_v3_signature"] = Convert.ToBase64String(witnessKey.Sign(Signables.BuildV3(certificate)));
        }

        return certificate.ToString(Formatting.None);
    }

    /// <summary>RFC 3339 UTC with seven fraction digits (the verifier trims trailing zeros before signing).</summary>
    internal static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static JObject Claim(
        EmulatedRequest request, Ed25519PrivateKey witnessKey, string serviceId, string claimType, string timestamp,
        string[] dataSeen, string[] dataNotSeen, JObject payload)
    {
        string claimId = "clm_mock_" + Guid.NewGuid().ToString("N");
        var canonical = new JObject
        {
            ["claim_id"] = claimId,
            ["claim_type"] = claimType,
            ["data_not_seen"] = new JArray(dataNotSeen),
            ["data_seen"] = new JArray(dataSeen),
            ["payload"] = payload,
            ["request_id"] = request.RequestId,
            ["service_id"] = serviceId,
            ["timestamp"] = timestamp,
        };
        byte[] canonicalBytes = CanonicalJson.Serialize(canonical, CanonicalJsonOptions.Lucairn);
        return new JObject
        {
            ["claim_id"] = claimId,
            ["request_id"] = request.RequestId,
            ["service_id"] = serviceId,
            ["claim_type"] = claimType,
            ["data_seen"] = new JArray(dataSeen),
            ["data_not_seen"] = new JArray(dataNotSeen),
            ["canonical_payload"] = Convert.ToBase64String(canonicalBytes),
            ["timestamp"] = timestamp,
            ["signature"] = Convert.ToBase64String(witnessKey.Sign(canonicalBytes)),
        };
    }
}
