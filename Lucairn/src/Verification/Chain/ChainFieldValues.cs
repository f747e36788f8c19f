namespace Lucairn;

/// <summary>The wire values of the other result fields (egress, user_unredacted, signed tier, signable version, request binding).</summary>
public static class ChainFieldValues
{
    /// <summary>Any field a FAILED result did not evaluate.</summary>
    public const string NotEvaluated = "not_evaluated";

    /// <summary><c>egress_attestation</c>: a signed digest list binds what left for the provider.</summary>
    public const string SignedDigests = "signed_digests";

    /// <summary><c>egress_attestation</c>: no signed digests.</summary>
    public const string Unattested = "unattested";

    /// <summary><c>user_unredacted</c>: the user sent unredacted segments.</summary>
    public const string True = "true";

    /// <summary><c>user_unredacted</c>: no unredacted segments.</summary>
    public const string False = "false";

    /// <summary><c>user_unredacted</c> on a FAILED result.</summary>
    public const string Unknown = "unknown";

    /// <summary><c>signed_cert_tier</c>: no signed tier copy.</summary>
    public const string TierAbsent = "absent";

    /// <summary><c>signed_cert_tier</c>: the gateway and ai claims both sign input-shield.</summary>
    public const string TierInputShield = "input_shield";

    /// <summary><c>signed_cert_tier</c>: a two-signer input-shield chain (gateway + sanitizer).</summary>
    public const string TierInputShieldTwoSigner = "input_shield_two_signer";

    /// <summary><c>signed_cert_tier</c>: a certificate-only chain (content not sanitized, by design).</summary>
    public const string TierAuditOnly = "audit_only";

    /// <summary><c>signed_cert_tier</c>: signed copies that fit no tier.</summary>
    public const string TierInconsistent = "inconsistent";

    /// <summary><c>signable_version</c>: the v2 witness signable verified.</summary>
    public const string V2 = "v2";

    /// <summary><c>signable_version</c>: the v3 witness signable verified.</summary>
    public const string V3 = "v3";

    /// <summary><c>signable_version</c> on a FAILED result.</summary>
    public const string None = "none";

    /// <summary><c>request_binding</c>: the expected ids were given and match.</summary>
    public const string Matched = "matched";

    /// <summary><c>request_binding</c>: no expected id was given.</summary>
    public const string NotChecked = "not_checked";
}
