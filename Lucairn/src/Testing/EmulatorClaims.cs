using System.Text;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn.Testing;

/// <summary>
/// The four claims of an emulated request, shaped like the gateway's (and the parity corpus's
/// <c>honest_full_chain_egress</c>): dsa-bridge TOKEN_GENERATED, dsa-sanitizer PII_SANITIZED
/// (with the three v3 hashes), dsa-ai INFERENCE_COMPLETED (with the signed egress digest of the
/// upstream request body) and dsa-audit EVENTS_RECORDED, each with its unsigned typed copy. Each
/// is signed by its own service key over canonical JSON of { claim_id, claim_type (short),
/// data_not_seen, data_seen, payload, request_id, service_id, timestamp }: exactly the bytes the
/// chain verifier rebuilds from the outer fields.
/// </summary>
internal static class EmulatorClaims
{
    internal static List<EmulatorClaim> Create(EmulatedRequest request, string timestamp)
    {
        string requestId = request.RequestId;
        byte[] tokenHash = Digest("mock-token:" + requestId);
        byte[] responseHash = Hashes.Sha256(Encoding.UTF8.GetBytes(EmulatorGateway.Completion(requestId)));
        byte[] chainHead = Digest("mock-audit-chain:" + requestId);
        string[] layers = ["mock_pattern_matching"];
        return
        [
            new(EmulatorServiceKeys.Bridge, "CLAIM_TYPE_TOKEN_GENERATED", requestId, timestamp, ["customer_id"], ["context", "prompt_template", "inference_result"],
                new JObject
                {
                    ["api_key_id"] = request.Customer.ApiKeyId,
                    ["client_id"] = request.Customer.ClientId,
                    ["customer_id"] = request.Customer.CustomerId,
                    ["encryption_enabled"] = true,
                    ["token_hash"] = Hex.Encode(tokenHash),
                },
                "bridge",
                new JObject { ["encryption_enabled"] = true, ["token_hash"] = Convert.ToBase64String(tokenHash) }),
            new(EmulatorServiceKeys.Sanitizer, "CLAIM_TYPE_PII_SANITIZED", requestId, timestamp, ["context_fields"], ["customer_id", "token", "inference_result"],
                new JObject
                {
                    ["layers_active"] = new JArray(layers),
                    ["pii_entities_found"] = request.RedactionCount,
                    ["redaction_count"] = request.RedactionCount,
                    ["redaction_manifest_hash"] = Hex.Encode(Digest("mock-redaction-manifest:" + requestId)),
                    ["sanitized_fields_hash"] = Hex.Encode(Digest("mock-sanitized-fields:" + requestId)),
                    ["tms_manifest_hash"] = Hex.Encode(Digest("mock-tms-manifest:" + requestId)),
                },
                "sanitizer",
                new JObject { ["layers_active"] = new JArray(layers), ["pii_entities_found"] = request.RedactionCount }),
            new(EmulatorServiceKeys.Ai, "CLAIM_TYPE_INFERENCE_COMPLETED", requestId, timestamp, ["opaque_token", "sanitized_context"], ["customer_id", "raw_context", "pii"],
                new JObject
                {
                    ["isolation_probe"] = "VERIFIED",
                    ["model_used"] = LucairnEmulator.MockModel,
                    ["response_hash"] = Hex.Encode(responseHash),
                    ["upstream_body_sha256"] = new JArray(Hashes.Sha256Hex(UpstreamBody(request))),
                },
                "inference",
                new JObject
                {
                    ["isolation_probe"] = "ISOLATION_PROBE_VERIFIED",
                    ["model_used"] = LucairnEmulator.MockModel,
                    ["response_hash"] = Convert.ToBase64String(responseHash),

                    // Like the gateway's GET: the stored upstream bodies are stripped.
                    ["upstream_request_bodies"] = new JArray(),
                }),
            new(EmulatorServiceKeys.Audit, "CLAIM_TYPE_EVENTS_RECORDED", requestId, timestamp, ["event_hashes"], ["pii", "context", "inference_result"],
                new JObject
                {
                    ["chain_head_hash"] = Hex.Encode(chainHead),
                    ["chain_length"] = 1,
                    ["event_id"] = "evt_mock_" + requestId,
                },
                "audit",
                new JObject { ["chain_head_hash"] = Convert.ToBase64String(chainHead), ["chain_length"] = "1" }),
        ];
    }

    /// <summary>The (mock) request body the simulated dsa-ai service sent upstream; its SHA-256 is the signed egress digest.</summary>
    internal static byte[] UpstreamBody(EmulatedRequest request) =>
        Encoding.UTF8.GetBytes($"{{\"model\":\"{LucairnEmulator.MockModel}\",\"request_id\":\"{request.RequestId}\",\"redactions\":{request.RedactionCount}}}");

    /// <summary>The canonical bytes a claim's service signs.</summary>
    internal static byte[] SignedBytes(EmulatorClaim claim) => CanonicalJson.Serialize(
        new JObject
        {
            ["claim_id"] = claim.SignedClaimId,
            ["claim_type"] = claim.ShortClaimType,
            ["data_not_seen"] = new JArray(claim.DataNotSeen),
            ["data_seen"] = new JArray(claim.DataSeen),
            ["payload"] = claim.Payload,
            ["request_id"] = claim.SignedRequestId,
            ["service_id"] = claim.ServiceId,
            ["timestamp"] = claim.Timestamp,
        },
        LucairnCanonicalJson.Options);

    /// <summary>The outer claim object with its signed <c>canonical_payload</c>, its signature and its typed copy.</summary>
    internal static JObject Sign(EmulatorClaim claim, EmulatorServiceKeys keys)
    {
        byte[] signed = SignedBytes(claim);
        var outer = new JObject
        {
            ["claim_id"] = claim.ClaimId,
            ["request_id"] = claim.RequestId,
            ["service_id"] = claim.ServiceId,
            ["claim_type"] = claim.ClaimType,
            ["data_seen"] = new JArray(claim.DataSeen),
            ["data_not_seen"] = new JArray(claim.DataNotSeen),
            ["canonical_payload"] = Convert.ToBase64String(signed),
            ["timestamp"] = claim.Timestamp,
            ["signature"] = Convert.ToBase64String(keys.For(claim.Signer).Sign(signed)),
        };
        if (claim.TypedKey is not null)
        {
            outer[claim.TypedKey] = claim.Typed;
        }

        return outer;
    }

    private static byte[] Digest(string text) => Hashes.Sha256(Encoding.UTF8.GetBytes(text));
}
