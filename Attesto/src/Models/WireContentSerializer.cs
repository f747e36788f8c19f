using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Refit;
using Shared.Crypto;

namespace Attesto.Models;

/// <summary>
/// The Refit serializer of the v2 interface: requests in snake_case; responses parsed strictly
/// (duplicate keys rejected, timestamps left as text, decimals exact) and bound from snake_case or
/// camelCase names.
/// </summary>
internal sealed class WireContentSerializer : IHttpContentSerializer
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    /// <inheritdoc />
    public HttpContent ToHttpContent<T>(T item)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(WireJson.Serialize(item!)));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    /// <inheritdoc />
    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        string text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        JToken token;
        try
        {
            token = WireJson.Parse(text);
        }
        catch (CanonicalJsonException ex)
        {
            throw new JsonSerializationException($"The response is not acceptable JSON: {ex.Message}", ex);
        }

        return WireJson.Bind<T>(token);
    }

    /// <inheritdoc />
    public string? GetFieldNameForProperty(PropertyInfo propertyInfo)
    {
        ArgumentNullException.ThrowIfNull(propertyInfo);
        return propertyInfo.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName;
    }
}
