using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>
/// A decrypted OpenAI <c>chat.completion</c> object. The typed properties cover the standard
/// fields; <see cref="Raw"/> keeps the full decrypted JSON, so nothing the server adds is lost.
/// </summary>
public sealed class ChatCompletion
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        MissingMemberHandling = MissingMemberHandling.Ignore,
    });

    /// <summary><c>id</c>, e.g. <c>chatcmpl-…</c>.</summary>
    [JsonProperty("id")]
    public string? Id { get; init; }

    /// <summary><c>object</c>: <c>chat.completion</c>.</summary>
    [JsonProperty("object")]
    public string? Object { get; init; }

    /// <summary><c>created</c>: Unix seconds.</summary>
    [JsonProperty("created")]
    public long? Created { get; init; }

    /// <summary><c>model</c>: the model that answered.</summary>
    [JsonProperty("model")]
    public string? Model { get; init; }

    /// <summary><c>choices</c>.</summary>
    [JsonProperty("choices")]
    public IReadOnlyList<ChatChoice> Choices { get; init; } = [];

    /// <summary><c>usage</c>: token counts, when the server reports them.</summary>
    [JsonProperty("usage")]
    public ChatUsage? Usage { get; init; }

    /// <summary><c>_metadata</c>: the payload id, encryption facts and server details.</summary>
    [JsonProperty("_metadata")]
    public ChatCompletionMetadata Metadata { get; init; } = new();

    /// <summary>The complete decrypted response, including <c>_metadata</c> and any non-standard fields.</summary>
    [JsonIgnore]
    public JObject Raw { get; private set; } = new();

    /// <summary>Reads a decrypted completion object.</summary>
    /// <param name="raw">The decrypted response (kept as <see cref="Raw"/>).</param>
    /// <returns>The typed completion.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="raw"/> is null.</exception>
    /// <exception cref="NomyoApiException">A standard field has the wrong JSON type.</exception>
    public static ChatCompletion FromJson(JObject raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ChatCompletion completion;
        try
        {
            completion = raw.ToObject<ChatCompletion>(Serializer) ?? new ChatCompletion();
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new NomyoApiException($"The decrypted response is not an OpenAI chat completion: {ex.Message}", 200, innerException: ex);
        }

        completion.Raw = raw;
        return completion;
    }
}
