using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>The answer of the public verify endpoint (<c>POST /v1/public/verify</c>).</summary>
/// <param name="Ok">The verdict from <c>valid</c>, <c>verified</c> or <c>ok</c>; null when the answer carries none of them.</param>
/// <param name="Raw">The full answer as returned.</param>
public sealed record PublicVerifyResult(bool? Ok, JObject Raw);
