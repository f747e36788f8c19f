using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto.Models;

/// <summary>
/// The JSON settings of the v2 wire models: snake_case out, snake_case or camelCase in, timestamps
/// kept as strings, non-integers as decimals, duplicate keys rejected before binding.
/// </summary>
internal static class WireJson
{
    internal static readonly JsonSerializerSettings Settings = new()
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 128,
        ContractResolver = WireContractResolver.Instance,
    };

    internal static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    /// <summary>Options for parsing service JSON: duplicate keys rejected, numbers of any size allowed (the number policy applies to what we commit, not to what we read).</summary>
    internal static readonly CanonicalJsonOptions ParseOptions = CanonicalJsonOptions.Lucairn with { Name = "attesto-wire" };

    /// <summary>Parses text strictly (duplicate keys rejected, dates as strings).</summary>
    internal static JToken Parse(string json) => CanonicalJson.Parse(json, ParseOptions);

    /// <summary>Binds a parsed token to a model.</summary>
    internal static T Bind<T>(JToken token) => token.ToObject<T>(Serializer)!;

    /// <summary>Serialises a model or token to compact JSON text.</summary>
    internal static string Serialize(object value)
    {
        var builder = new StringBuilder();
        using (var writer = new StringWriter(builder, CultureInfo.InvariantCulture))
        {
            Serializer.Serialize(writer, value);
        }

        return builder.ToString();
    }

    /// <summary>A model as a token (for hashing or embedding).</summary>
    internal static JToken ToToken(object value) => JToken.FromObject(value, Serializer);
}
