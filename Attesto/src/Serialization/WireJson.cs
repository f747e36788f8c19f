using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// JSON helpers of the v2 wire models and the anchor RPC: strict parsing (duplicate keys
/// rejected, timestamps kept as text, decimals exact) and binding/writing with the same
/// no-reformatting settings Refit uses.
/// </summary>
internal static class WireJson
{
    internal static readonly JsonSerializer Serializer = JsonSerializer.Create(Shared.Http.NewtonsoftContentSerializer.DefaultSettings);

    /// <summary>Duplicate keys rejected; numbers of any size accepted (the number policy governs what we commit, not what we read).</summary>
    private static readonly CanonicalJsonOptions ParseOptions = CanonicalJsonOptions.Default with { Name = "attesto-wire" };

    /// <summary>Parses text strictly.</summary>
    /// <exception cref="CanonicalJsonException">The text is not acceptable JSON.</exception>
    internal static JToken Parse(string json) => CanonicalJson.Parse(json, ParseOptions);

    /// <summary>Binds a parsed token to a model.</summary>
    internal static T Bind<T>(JToken token) => token.ToObject<T>(Serializer)!;

    /// <summary>Writes a model or token as compact JSON text (snake_case names, nulls left out).</summary>
    internal static string Serialize(object value) => JsonConvert.SerializeObject(value, Shared.Http.NewtonsoftContentSerializer.DefaultSettings);

    /// <summary>A model as a token.</summary>
    internal static JToken ToToken(object value) => JToken.FromObject(value, Serializer);
}
