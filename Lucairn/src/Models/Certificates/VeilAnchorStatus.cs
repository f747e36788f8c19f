using System.Runtime.Serialization;
using Newtonsoft.Json;

namespace Lucairn;

/// <summary>
/// The gateway-reported anchoring state of a certificate (wire names <c>ANCHOR_STATUS_*</c>).
/// Not covered by the witness signature and not verified by the SDK.
/// </summary>
[JsonConverter(typeof(WireEnumConverter<VeilAnchorStatus>))]
public enum VeilAnchorStatus
{
    /// <summary><c>ANCHOR_STATUS_UNSPECIFIED</c> (also used when the certificate has no anchor block).</summary>
    [EnumMember(Value = "ANCHOR_STATUS_UNSPECIFIED")]
    Unspecified,

    /// <summary><c>ANCHOR_STATUS_PENDING</c>.</summary>
    [EnumMember(Value = "ANCHOR_STATUS_PENDING")]
    Pending,

    /// <summary><c>ANCHOR_STATUS_ANCHORED</c>.</summary>
    [EnumMember(Value = "ANCHOR_STATUS_ANCHORED")]
    Anchored,

    /// <summary><c>ANCHOR_STATUS_FAILED</c>.</summary>
    [EnumMember(Value = "ANCHOR_STATUS_FAILED")]
    Failed,
}
