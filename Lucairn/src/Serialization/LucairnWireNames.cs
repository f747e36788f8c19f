namespace Lucairn;

/// <summary>The upstream wire names of the Lucairn enums (e.g. <c>VERDICT_VERIFIED</c>, <c>malformed</c>, <c>v3</c>).</summary>
public static class LucairnWireNames
{
    /// <summary>The wire name, e.g. <c>VERDICT_PARTIAL</c>.</summary>
    /// <param name="value">The verdict.</param>
    /// <returns>The upstream string.</returns>
    public static string ToWireName(this VeilVerdict value) => WireEnum<VeilVerdict>.Name(value);

    /// <summary>The wire name, e.g. <c>COMPLETENESS_FULL</c>.</summary>
    /// <param name="value">The completeness.</param>
    /// <returns>The upstream string.</returns>
    public static string ToWireName(this VeilCompleteness value) => WireEnum<VeilCompleteness>.Name(value);

    /// <summary>The wire name, e.g. <c>CLAIM_TYPE_PII_SANITIZED</c>.</summary>
    /// <param name="value">The claim type.</param>
    /// <returns>The upstream string.</returns>
    public static string ToWireName(this VeilClaimType value) => WireEnum<VeilClaimType>.Name(value);

    /// <summary>The wire name, e.g. <c>ANCHOR_STATUS_ANCHORED</c>.</summary>
    /// <param name="value">The anchor status.</param>
    /// <returns>The upstream string.</returns>
    public static string ToWireName(this VeilAnchorStatus value) => WireEnum<VeilAnchorStatus>.Name(value);

    /// <summary>The wire name: <c>v2</c> or <c>v3</c>.</summary>
    /// <param name="value">The signable version.</param>
    /// <returns>The upstream string.</returns>
    public static string ToWireName(this SignableVersion value) => WireEnum<SignableVersion>.Name(value);

    /// <summary>The upstream reason string, e.g. <c>invalid_signature</c>.</summary>
    /// <param name="value">The failure reason.</param>
    /// <returns>The upstream string.</returns>
    public static string ToWireName(this VerifyCertificateFailureReason value) => WireEnum<VerifyCertificateFailureReason>.Name(value);
}
