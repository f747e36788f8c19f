namespace Lucairn;

/// <summary>
/// A certificate that passed <see cref="CertificateVerifier"/>. The ids, key id, issue time and
/// verdict are covered by the witness signature; <see cref="AnchorStatus"/> is a pass-through.
/// </summary>
/// <remarks>
/// When <see cref="SignableVersion"/> is <see cref="Lucairn.SignableVersion.V2"/>, the certificate's
/// <c>client_id</c>, <c>api_key_id</c>, <c>byok_exempt</c> and sanitizer hashes are <b>not</b>
/// covered by the signature; callers relying on them must require v3.
/// </remarks>
public sealed class VerifyCertificateResult
{
    /// <summary>The certificate id (signed).</summary>
    public required string CertificateId { get; init; }

    /// <summary>The request id (signed).</summary>
    public required string RequestId { get; init; }

    /// <summary>The id of the witness key that signed.</summary>
    public required string WitnessKeyId { get; init; }

    /// <summary>
    /// The witness-asserted issue time (microsecond precision, the served offset kept; an offset
    /// beyond ±14:00, which <see cref="DateTimeOffset"/> cannot state, is given as the same instant
    /// in UTC). Asserted by the witness only; not an external timestamp.
    /// </summary>
    public required DateTimeOffset WitnessAssertedIssuedAt { get; init; }

    /// <summary>The <c>issued_at</c> text exactly as served (not normalised; up to nanoseconds).</summary>
    public required string WitnessAssertedIssuedAtIso { get; init; }

    /// <summary>The gateway-reported anchor status (not signed, not verified); <see cref="VeilAnchorStatus.Unspecified"/> when absent.</summary>
    public required VeilAnchorStatus AnchorStatus { get; init; }

    /// <summary>The witness's signed overall verdict.</summary>
    public required VeilVerdict OverallVerdict { get; init; }

    /// <summary>Which signed map verified.</summary>
    public required SignableVersion SignableVersion { get; init; }

    /// <summary>Reserved (upstream parity): always false, because a stripped v3 signature is rejected as a downgrade.</summary>
    public bool V3SignatureStripped { get; init; }
}
