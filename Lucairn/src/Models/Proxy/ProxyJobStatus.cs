using System.Runtime.Serialization;
using Newtonsoft.Json;

namespace Lucairn;

/// <summary>The terminal status of a synchronous proxy response.</summary>
[JsonConverter(typeof(WireEnumConverter<ProxyJobStatus>))]
public enum ProxyJobStatus
{
    /// <summary><c>JOB_STATUS_COMPLETED</c>.</summary>
    [EnumMember(Value = "JOB_STATUS_COMPLETED")]
    Completed,

    /// <summary><c>JOB_STATUS_FAILED</c>.</summary>
    [EnumMember(Value = "JOB_STATUS_FAILED")]
    Failed,
}
