using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using Refit;

namespace Shared.Http;

/// <summary>
/// A Refit content serializer over Newtonsoft.Json with settings that never reformat values:
/// dates stay strings and floats stay exact decimals. Property names come from
/// <see cref="JsonPropertyAttribute"/>, so wire names are exactly the vendor's.
/// </summary>
internal sealed class NewtonsoftContentSerializer : IHttpContentSerializer
{
    internal static readonly JsonSerializerSettings DefaultSettings = new()
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 128,
        ContractResolver = new DefaultContractResolver(),
    };

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly JsonSerializer _serializer;

    internal NewtonsoftContentSerializer(JsonSerializerSettings? settings = null)
    {
        _serializer = JsonSerializer.Create(settings ?? DefaultSettings);
    }

    /// <inheritdoc />
    public HttpContent ToHttpContent<T>(T item)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        _serializer.Serialize(writer, item, typeof(T));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(writer.ToString()));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    /// <inheritdoc />
    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var json = new JsonTextReader(reader);
        return _serializer.Deserialize<T>(json);
    }

    /// <inheritdoc />
    public string? GetFieldNameForProperty(PropertyInfo propertyInfo)
    {
        ArgumentNullException.ThrowIfNull(propertyInfo);
        return propertyInfo.GetCustomAttribute<JsonPropertyAttribute>(inherit: true)?.PropertyName;
    }
}
