using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>The answer of the public verify endpoint (<c>POST /v1/public/verify</c>).</summary>
public sealed class PublicVerifyResult
{
    /// <summary>The verdict from <c>valid</c>, <c>verified</c> or <c>ok</c>; null when the answer carries none of them.</summary>
    public bool? Ok { get; init; }

    /// <summary>The full answer as received; never handed out (see <see cref="GetRaw"/>).</summary>
    internal JObject RawJson { get; init; } = [];

    /// <summary>The full answer as returned, as a fresh copy on every call (changing it changes nothing in this object).</summary>
    /// <returns>A copy of the answer.</returns>
    public JObject GetRaw() => (JObject)RawJson.DeepClone();
}
