namespace Lucairn;

/// <summary>
/// The raw values of a certificate that the verification pipeline uses, as read by
/// <see cref="CertificateReader"/> (which has already checked the whole document's shape).
/// </summary>
internal sealed class CertificateFields
{
    internal string CertificateId { get; set; } = null!;

    internal string RequestId { get; set; } = null!;

    /// <summary>Whether <c>protocol_version</c> is exactly the integer 2.</summary>
    internal bool ProtocolVersionIsSupported { get; set; }

    /// <summary>The <c>protocol_version</c> integer as text, for messages.</summary>
    internal string ProtocolVersionText { get; set; } = null!;

    internal List<string> ClaimIds { get; } = new(8);

    internal string? FirstClaimRequestId { get; set; }

    /// <summary>The hashes in the first <c>dsa-sanitizer</c> claim's <c>canonical_payload</c>, read during the reader pass (all null when there is no such claim).</summary>
    internal SanitizerHashes SanitizerHashes { get; set; }

    internal VeilVerdict OverallVerdict { get; set; }

    internal bool ByokExempt { get; set; }

    internal string IssuedAt { get; set; } = null!;

    internal string WitnessSignature { get; set; } = null!;

    internal string WitnessKeyId { get; set; } = null!;

    internal VeilAnchorStatus AnchorStatus { get; set; }

    internal string? ClientId { get; set; }

    internal string? ApiKeyId { get; set; }

    internal string? SignableV3Signature { get; set; }

    internal long SignableProtocolVersionEmitted { get; set; }
}
