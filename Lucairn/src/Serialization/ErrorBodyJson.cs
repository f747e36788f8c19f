using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>Parses an error body for <see cref="LucairnApiException.ResponseJson"/>: one JSON document, dates kept as strings, never throws.</summary>
internal static class ErrorBodyJson
{
    internal static JToken? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
                MaxDepth = 64,
            };
            JToken token = JToken.ReadFrom(reader);
            return reader.Read() ? null : token; // trailing content: not one JSON document
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
