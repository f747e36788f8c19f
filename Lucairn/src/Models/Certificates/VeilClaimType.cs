using System.Runtime.Serialization;
using Newtonsoft.Json;

namespace Lucairn;

/// <summary>What a per-service claim attests (wire names <c>CLAIM_TYPE_*</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<VeilClaimType>))]
public enum VeilClaimType
{
    /// <summary><c>CLAIM_TYPE_UNSPECIFIED</c>.</summary>
    [EnumMember(Value = "CLAIM_TYPE_UNSPECIFIED")]
    Unspecified,

    /// <summary><c>CLAIM_TYPE_TOKEN_GENERATED</c> (bridge).</summary>
    [EnumMember(Value = "CLAIM_TYPE_TOKEN_GENERATED")]
    TokenGenerated,

    /// <summary><c>CLAIM_TYPE_PII_SANITIZED</c> (sanitizer).</summary>
    [EnumMember(Value = "CLAIM_TYPE_PII_SANITIZED")]
    PiiSanitized,

    /// <summary><c>CLAIM_TYPE_INFERENCE_COMPLETED</c> (AI service).</summary>
    [EnumMember(Value = "CLAIM_TYPE_INFERENCE_COMPLETED")]
    InferenceCompleted,

    /// <summary><c>CLAIM_TYPE_EVENTS_RECORDED</c> (audit).</summary>
    [EnumMember(Value = "CLAIM_TYPE_EVENTS_RECORDED")]
    EventsRecorded,
}
