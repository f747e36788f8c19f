using System.Runtime.Serialization;

namespace Lucairn;

/// <summary>
/// Why a certificate failed verification. <see cref="LucairnWireNames.ToWireName(VerifyCertificateFailureReason)"/>
/// gives the upstream string (e.g. <c>invalid_signature</c>).
/// </summary>
public enum VerifyCertificateFailureReason
{
    /// <summary><c>malformed</c>: not an object, a field missing or of the wrong type, an unknown enum value, empty claims, a request id that differs from the first claim's, a value canonical JSON cannot carry, or an unparseable <c>issued_at</c>.</summary>
    [EnumMember(Value = "malformed")]
    Malformed,

    /// <summary><c>unsupported_protocol_version</c>: <c>protocol_version</c> is an integer other than 2.</summary>
    [EnumMember(Value = "unsupported_protocol_version")]
    UnsupportedProtocolVersion,

    /// <summary><c>witness_mismatch</c>: the certificate's <c>witness_key_id</c> differs from the expected one.</summary>
    [EnumMember(Value = "witness_mismatch")]
    WitnessMismatch,

    /// <summary><c>witness_signature_missing</c>: <c>witness_signature</c> is empty or whitespace.</summary>
    [EnumMember(Value = "witness_signature_missing")]
    WitnessSignatureMissing,

    /// <summary><c>invalid_signature</c>: the signature does not verify, or the signature or key is not well-formed.</summary>
    [EnumMember(Value = "invalid_signature")]
    InvalidSignature,

    /// <summary><c>version_downgrade_detected</c>: a v3 signature without the v3 version marker, or the marker without the signature.</summary>
    [EnumMember(Value = "version_downgrade_detected")]
    VersionDowngradeDetected,

    /// <summary><c>signable_version_insufficient</c>: v3 was required but a genuine certificate verified only as v2.</summary>
    [EnumMember(Value = "signable_version_insufficient")]
    SignableVersionInsufficient,
}
