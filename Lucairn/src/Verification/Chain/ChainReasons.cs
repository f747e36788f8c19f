namespace Lucairn;

/// <summary>The reasons a chain verification gives (wire names; the step that decides is in the recipe table).</summary>
public static class ChainReasons
{
    /// <summary>Step 9e: everything holds.</summary>
    public const string Ok = "ok";

    /// <summary>Step 9d: no signed egress digests (or an input-shield tier without its label).</summary>
    public const string EgressUnattested = "egress_unattested";

    /// <summary>Step 9a: a signed payload carries <c>inference_outcome</c>.</summary>
    public const string InferenceUnfinished = "inference_unfinished";

    /// <summary>Step 9b: the signed sanitizer layers include <c>user_unredacted_segment</c>.</summary>
    public const string UserSentUnredacted = "user_sent_unredacted";

    /// <summary>Step 9c: the witness sealed the certificate as PARTIAL.</summary>
    public const string SealedPartial = "sealed_partial";

    /// <summary>Steps 1, 5a, 6b, 7b: the certificate is not the strict shape.</summary>
    public const string Malformed = "malformed";

    /// <summary>Step 2: <c>protocol_version</c> is not 2.</summary>
    public const string UnsupportedProtocolVersion = "unsupported_protocol_version";

    /// <summary>Step 3: <c>witness_key_id</c> is not the pinned one.</summary>
    public const string WitnessKeyMismatch = "witness_key_mismatch";

    /// <summary>Step 4: the v3 marker and the v3 signature disagree.</summary>
    public const string VersionDowngradeDetected = "version_downgrade_detected";

    /// <summary>Steps 5b, 5c: a witness signature does not verify.</summary>
    public const string WitnessSignatureInvalid = "witness_signature_invalid";

    /// <summary>Step 5d: v3 is required but only v2 verified.</summary>
    public const string SignableVersionInsufficient = "signable_version_insufficient";

    /// <summary>Step 5e: an expected request or certificate id differs.</summary>
    public const string RequestMismatch = "request_mismatch";

    /// <summary>Step 6a: the witness sealed the certificate as FAILED.</summary>
    public const string SealedFailed = "sealed_failed";

    /// <summary>Step 6c: a claim id is listed twice.</summary>
    public const string DuplicateClaimId = "duplicate_claim_id";

    /// <summary>Step 7a: a claim's service has no pinned key.</summary>
    public const string UnknownService = "unknown_service";

    /// <summary>Step 7c: a claim verifies under another service's key.</summary>
    public const string ServiceKeyMismatch = "service_key_mismatch";

    /// <summary>Step 7d: a claim signature does not verify.</summary>
    public const string ClaimSignatureInvalid = "claim_signature_invalid";

    /// <summary>Step 7f: the signed claim id is not in the witness-signed list.</summary>
    public const string ClaimNotWitnessListed = "claim_not_witness_listed";

    /// <summary>Steps 7e, 7g: the signed claim bytes are not strict or do not rebuild from the outer fields.</summary>
    public const string ClaimCanonicalMismatch = "claim_canonical_mismatch";

    /// <summary>Step 7h: the signed claim belongs to another request.</summary>
    public const string RequestIdSplice = "request_id_splice";

    /// <summary>Step 7i: an unsigned typed copy disagrees with the signed payload.</summary>
    public const string TypedPayloadMismatch = "typed_payload_mismatch";

    /// <summary>Step 8a: the signed egress digest list is malformed or repeated.</summary>
    public const string EgressDigestMalformed = "egress_digest_malformed";

    /// <summary>Step 8b: stored upstream bodies sit on a claim without the digests.</summary>
    public const string EgressBodyUnbound = "egress_body_unbound";

    /// <summary>Step 8c: stored upstream bodies do not hash to the signed digests.</summary>
    public const string EgressBodyHashMismatch = "egress_body_hash_mismatch";

    /// <summary>Step 8d: the unsigned cert tier label disagrees with its signed copies.</summary>
    public const string CertTierMismatch = "cert_tier_mismatch";
}
