using System.Runtime.Serialization;
using Newtonsoft.Json;

namespace Lucairn;

/// <summary>The witness's overall verdict on a certificate (wire names <c>VERDICT_*</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<VeilVerdict>))]
public enum VeilVerdict
{
    /// <summary><c>VERDICT_UNSPECIFIED</c>.</summary>
    [EnumMember(Value = "VERDICT_UNSPECIFIED")]
    Unspecified,

    /// <summary><c>VERDICT_VERIFIED</c>.</summary>
    [EnumMember(Value = "VERDICT_VERIFIED")]
    Verified,

    /// <summary><c>VERDICT_PARTIAL</c>.</summary>
    [EnumMember(Value = "VERDICT_PARTIAL")]
    Partial,

    /// <summary><c>VERDICT_FAILED</c>.</summary>
    [EnumMember(Value = "VERDICT_FAILED")]
    Failed,
}
