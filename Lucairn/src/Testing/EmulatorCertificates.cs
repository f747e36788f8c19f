using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn.Testing;

/// <summary>
/// Builds and signs the emulator's certificates: gateway-shaped protobuf JSON with four claims,
/// each signed by its own service key (<see cref="EmulatorClaims"/>), witness-signed over the
/// same v2/v3 signable bytes the verifiers rebuild (<see cref="Signables"/>), and marked
/// <c>"mock": true</c> with a <c>mock-</c> witness key id. A requested
/// <see cref="EmulatorCertificateFault"/> is applied on the way (<see cref="EmulatorFaults"/>).
/// </summary>
internal static class EmulatorCertificates
{
    internal static string Build(EmulatedRequest request, Ed25519PrivateKey witnessKey, string witnessKeyId, EmulatorServiceKeys serviceKeys)
    {
        EmulatorCertificateFault fault = request.Fault;
        string issuedAt = FormatTimestamp(request.IssuedAt);
        string certificateId = "veil_mock_" + Guid.NewGuid().ToString("N");
        List<EmulatorClaim> specs = EmulatorClaims.Create(request, issuedAt);
        EmulatorFaults.BeforeClaimsSigned(fault, specs, request);
        var claims = new JArray(specs.Select(spec => EmulatorClaims.Sign(spec, serviceKeys)));
        EmulatorFaults.AfterClaimsSigned(fault, claims);

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
                ["cert_tier"] = "full_chain",
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

        EmulatorFaults.BeforeWitnessSigns(fault, certificate);
        Ed25519PrivateKey signer = fault == EmulatorCertificateFault.WitnessSignatureInvalid ? serviceKeys.Stranger : witnessKey;
        string v2Signature = Convert.ToBase64String(signer.Sign(Signables.BuildV2(certificate)));
        certificate["witness_signature"] = v2Signature;
        if (request.Version == SignableVersion.V3)
        {
            certificate["signable_v2_signature"] = v2Signature;
            certificate["signable_v3_signature"] = Convert.ToBase64String(signer.Sign(Signables.BuildV3(certificate)));
        }

        EmulatorFaults.AfterWitnessSigned(fault, certificate);
        return EmulatorFaults.InText(fault, certificate.ToString(Formatting.None));
    }

    /// <summary>RFC 3339 UTC with seven fraction digits (the verifier trims trailing zeros before signing).</summary>
    internal static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
