namespace Lucairn.Testing;

/// <summary>
/// A deliberate defect in the certificates <see cref="LucairnEmulator"/> issues, one per FAILED
/// reason of <see cref="CertificateChainVerifier"/> that a certificate alone can cause (the
/// member's name is the reason, see <see cref="ChainReasons"/>). The two reasons that depend on
/// the verifier's options are not faults: <c>signable_version_insufficient</c> is a v2
/// certificate (<see cref="LucairnEmulator.SignableVersionHeader"/>) checked with
/// <c>MinimumSignableVersion = "v3"</c>, and <c>request_mismatch</c> is an expected request or
/// certificate id that differs. Use <see cref="LucairnEmulator.FaultNextCertificates"/>.
/// </summary>
public enum EmulatorCertificateFault
{
    /// <summary>An honest certificate.</summary>
    None = 0,

    /// <summary><c>malformed</c>: the certificate text repeats the top-level key <c>mock</c>.</summary>
    Malformed,

    /// <summary><c>unsupported_protocol_version</c>: <c>protocol_version</c> is 3.</summary>
    UnsupportedProtocolVersion,

    /// <summary><c>witness_key_mismatch</c>: the certificate names (and is signed under) another witness key id.</summary>
    WitnessKeyMismatch,

    /// <summary><c>version_downgrade_detected</c>: <c>signable_protocol_version_emitted</c> is 3 but the v3 signature is stripped.</summary>
    VersionDowngradeDetected,

    /// <summary><c>witness_signature_invalid</c>: the witness signatures are made with a key that is not the emulator's witness key.</summary>
    WitnessSignatureInvalid,

    /// <summary><c>sealed_failed</c>: the witness sealed the certificate as <c>VERDICT_FAILED</c>.</summary>
    SealedFailed,

    /// <summary><c>duplicate_claim_id</c>: the audit claim reuses the bridge claim's id (and the witness signs the list).</summary>
    DuplicateClaimId,

    /// <summary><c>unknown_service</c>: a fifth claim from <c>dsa-reid-guard</c>, a service whose key the emulator does not expose.</summary>
    UnknownService,

    /// <summary><c>service_key_mismatch</c>: the sanitizer claim is signed with the dsa-ai key.</summary>
    ServiceKeyMismatch,

    /// <summary><c>claim_signature_invalid</c>: the sanitizer claim's signed body is edited after signing, keeping its id (the witness still verifies).</summary>
    ClaimSignatureInvalid,

    /// <summary><c>claim_canonical_mismatch</c>: the sanitizer claim's outer <c>data_seen</c> is edited after signing.</summary>
    ClaimCanonicalMismatch,

    /// <summary><c>claim_not_witness_listed</c>: the audit claim signs a claim id that the witness does not list.</summary>
    ClaimNotWitnessListed,

    /// <summary><c>request_id_splice</c>: the audit claim belongs to another request.</summary>
    RequestIdSplice,

    /// <summary><c>typed_payload_mismatch</c>: the unsigned <c>inference.model_used</c> differs from the signed one.</summary>
    TypedPayloadMismatch,

    /// <summary><c>egress_digest_malformed</c>: the signed egress digest is upper-case hex.</summary>
    EgressDigestMalformed,

    /// <summary><c>egress_body_unbound</c>: an upstream body is stored but the dsa-ai claim signs no digest list.</summary>
    EgressBodyUnbound,

    /// <summary><c>egress_body_hash_mismatch</c>: the stored upstream body is not the one whose digest is signed.</summary>
    EgressBodyHashMismatch,

    /// <summary><c>cert_tier_mismatch</c>: the unsigned <c>verification.cert_tier</c> says <c>audit_only</c> on a full chain.</summary>
    CertTierMismatch,
}
