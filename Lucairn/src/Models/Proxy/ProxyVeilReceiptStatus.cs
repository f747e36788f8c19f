using System.Runtime.Serialization;
using Newtonsoft.Json;

namespace Lucairn;

/// <summary>Whether a request's certificate is ready.</summary>
[JsonConverter(typeof(WireEnumConverter<ProxyVeilReceiptStatus>))]
public enum ProxyVeilReceiptStatus
{
    /// <summary><c>available</c>.</summary>
    [EnumMember(Value = "available")]
    Available,

    /// <summary><c>pending</c>.</summary>
    [EnumMember(Value = "pending")]
    Pending,
}
