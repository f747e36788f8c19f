using System.Runtime.Serialization;
using Newtonsoft.Json;

namespace Lucairn;

/// <summary>Whether every expected service contributed a claim (wire names <c>COMPLETENESS_*</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<VeilCompleteness>))]
public enum VeilCompleteness
{
    /// <summary><c>COMPLETENESS_UNSPECIFIED</c>.</summary>
    [EnumMember(Value = "COMPLETENESS_UNSPECIFIED")]
    Unspecified,

    /// <summary><c>COMPLETENESS_FULL</c>.</summary>
    [EnumMember(Value = "COMPLETENESS_FULL")]
    Full,

    /// <summary><c>COMPLETENESS_PARTIAL</c>.</summary>
    [EnumMember(Value = "COMPLETENESS_PARTIAL")]
    Partial,
}
