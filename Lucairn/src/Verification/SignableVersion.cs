using System.Runtime.Serialization;

namespace Lucairn;

/// <summary>Which signed map a certificate was verified against.</summary>
public enum SignableVersion
{
    /// <summary><c>v2</c>: the legacy 7-key map (ids, claim ids, issued_at, verdict, key id).</summary>
    [EnumMember(Value = "v2")]
    V2 = 2,

    /// <summary><c>v3</c>: the 13-key map, which also signs client id, API-key id, BYOK flag and the sanitizer hashes.</summary>
    [EnumMember(Value = "v3")]
    V3 = 3,
}
