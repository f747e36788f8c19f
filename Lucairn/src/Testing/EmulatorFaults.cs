using System.Text;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn.Testing;

/// <summary>
/// Applies an <see cref="EmulatorCertificateFault"/> at the stage where a real defect would
/// arise: before the claims are signed (a wrong signer, a spliced or unlisted claim, a bad egress
/// record, a typed copy that disagrees), after they are signed (an edited body or outer field, a
/// reused id), before the witness signs (a sealed FAILED, a foreign tier label, another key id),
/// after it signs (a stripped v3 signature, another protocol version) or in the text itself.
/// </summary>
internal static class EmulatorFaults
{
    private const string OtherModel = "mock-model-other";

    internal static void BeforeClaimsSigned(EmulatorCertificateFault fault, List<EmulatorClaim> claims, EmulatedRequest request)
    {
        EmulatorClaim sanitizer = claims[1];
        EmulatorClaim ai = claims[2];
        EmulatorClaim audit = claims[3];
        switch (fault)
        {
            case EmulatorCertificateFault.UnknownService:
                var stranger = new EmulatorClaim(EmulatorServiceKeys.Unpinned, "CLAIM_TYPE_UNSPECIFIED", request.RequestId, audit.Timestamp, [], [], new JObject { ["guard"] = "mock" }, typedKey: null, new JObject());
                claims.Add(stranger);
                break;
            case EmulatorCertificateFault.ServiceKeyMismatch:
                sanitizer.Signer = EmulatorServiceKeys.Ai;
                break;
            case EmulatorCertificateFault.ClaimNotWitnessListed:
                audit.SignedClaimId = "clm_mock_unlisted_" + Guid.NewGuid().ToString("N");
                break;
            case EmulatorCertificateFault.RequestIdSplice:
                audit.RequestId = "req_mock_other_request";
                audit.SignedRequestId = audit.RequestId;
                break;
            case EmulatorCertificateFault.TypedPayloadMismatch:
                ai.Typed["model_used"] = OtherModel;
                break;
            case EmulatorCertificateFault.EgressDigestMalformed:
                ai.Payload["upstream_body_sha256"] = new JArray(Hashes.Sha256Hex(EmulatorClaims.UpstreamBody(request)).ToUpperInvariant());
                break;
            case EmulatorCertificateFault.EgressBodyUnbound:
                ai.Payload.Remove("upstream_body_sha256");
                ai.Typed["upstream_request_bodies"] = new JArray(Convert.ToBase64String(EmulatorClaims.UpstreamBody(request)));
                break;
            case EmulatorCertificateFault.EgressBodyHashMismatch:
                ai.Typed["upstream_request_bodies"] = new JArray(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"model\":\"" + OtherModel + "\"}")));
                break;
            default:
                break;
        }
    }

    internal static void AfterClaimsSigned(EmulatorCertificateFault fault, JArray claims)
    {
        var sanitizer = (JObject)claims[1];
        switch (fault)
        {
            case EmulatorCertificateFault.ClaimSignatureInvalid:
                // Same claim id (so the witness, which signs ids only, still verifies), different signed body.
                var body = (JObject)CanonicalJson.Parse(Encoding.UTF8.GetString(Convert.FromBase64String((string)sanitizer["canonical_payload"]!)), LucairnCanonicalJson.Options);
                body["payload"]!["pii_entities_found"] = 0;
                sanitizer["canonical_payload"] = Convert.ToBase64String(CanonicalJson.Serialize(body, LucairnCanonicalJson.Options));
                break;
            case EmulatorCertificateFault.ClaimCanonicalMismatch:
                ((JArray)sanitizer["data_seen"]!).Add("raw_context");
                break;
            case EmulatorCertificateFault.DuplicateClaimId:
                claims[3]["claim_id"] = claims[0]["claim_id"];
                break;
            default:
                break;
        }
    }

    internal static void BeforeWitnessSigns(EmulatorCertificateFault fault, JObject certificate)
    {
        switch (fault)
        {
            case EmulatorCertificateFault.SealedFailed:
                certificate["verification"]!["overall_verdict"] = "VERDICT_FAILED";
                break;
            case EmulatorCertificateFault.CertTierMismatch:
                certificate["verification"]!["cert_tier"] = "audit_only";
                break;
            case EmulatorCertificateFault.WitnessKeyMismatch:
                certificate["witness_key_id"] = certificate["witness_key_id"] + "-rotated";
                break;
            default:
                break;
        }
    }

    internal static void AfterWitnessSigned(EmulatorCertificateFault fault, JObject certificate)
    {
        switch (fault)
        {
            case EmulatorCertificateFault.VersionDowngradeDetected:
                certificate["signable_protocol_version_emitted"] = 3;
                certificate["signable_v3_signature"] = string.Empty;
                break;
            case EmulatorCertificateFault.UnsupportedProtocolVersion:
                certificate["protocol_version"] = 3;
                break;
            default:
                break;
        }
    }

    internal static string InText(EmulatorCertificateFault fault, string json) =>
        fault == EmulatorCertificateFault.Malformed ? "{\"mock\":true," + json[1..] : json;
}
