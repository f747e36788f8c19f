using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Lucairn.Http;

/// <summary>Turns a 2xx body into a wire model, or a <see cref="LucairnResponseValidationException"/>.</summary>
internal static class ResponseModels
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        MaxDepth = 128,
    });

    /// <summary>
    /// The body the validation error carries: the parsed JSON, or the raw text when the body is
    /// not JSON or is the literal <c>null</c> (spec §3 null-body rule).
    /// </summary>
    internal static object ErrorBody(RawResponse raw, JToken? json) =>
        json is null || json.Type == JTokenType.Null ? raw.Text : (object)json;

    /// <summary>Deserialises <paramref name="json"/> as <typeparamref name="T"/>; any failure is a validation error.</summary>
    internal static T Read<T>(RawResponse raw, JToken? json)
        where T : class =>
        Read(raw, json, typeof(T).Name, static body => body.ToObject<T>(Serializer) ?? throw new JsonSerializationException("The body deserialised to null."));

    /// <summary>Converts a JSON object body with <paramref name="convert"/>; a non-object body or any conversion failure is a validation error.</summary>
    internal static T Read<T>(RawResponse raw, JToken? json, string typeName, Func<JObject, T> convert)
    {
        string message = $"Response body failed to deserialize as {typeName}";
        if (json is not JObject body)
        {
            string what = json is null ? (raw.Text.Length == 0 ? "the body is empty" : "the body is not JSON") : $"the body is JSON {json.Type.ToString().ToLowerInvariant()}, not an object";
            throw new LucairnResponseValidationException($"{message}: {what}.", ErrorBody(raw, json));
        }

        try
        {
            return convert(body);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidCastException or OverflowException or LucairnCertificateException)
        {
            throw new LucairnResponseValidationException($"{message}: {ex.Message}", body, ex);
        }
    }
}
