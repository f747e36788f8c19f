using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>
/// A decrypted OpenAI <c>chat.completion</c> object. The typed properties cover the standard
/// fields; <see cref="GetRawJson"/> returns the full decrypted JSON, so nothing the server adds
/// is lost. Immutable: build one in tests with <see cref="NomyoModelFactory.ChatCompletion"/>.
/// </summary>
public sealed class ChatCompletion
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        MissingMemberHandling = MissingMemberHandling.Ignore,
    });

    private JObject _raw = new();

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

    /// <summary>
    /// A copy of the complete decrypted response, including <c>_metadata</c> and any non-standard
    /// fields. Each call returns a fresh copy (changing it changes nothing here); keep the result
    /// rather than calling it repeatedly for a large answer.
    /// </summary>
    /// <returns>The decrypted JSON object.</returns>
    public JObject GetRawJson() => (JObject)_raw.DeepClone();

    /// <summary>Reads a decrypted completion object (for example one from <see cref="SecureCompletionClient.SendSecureRequestAsync"/>).</summary>
    /// <param name="raw">The decrypted response (copied; later changes to it have no effect).</param>
    /// <returns>The typed completion.</returns>
    /// <exception cref="NomyoValidationException"><paramref name="raw"/> is null.</exception>
    /// <exception cref="NomyoApiException">A standard field has the wrong JSON type (<see cref="NomyoApiException.Status"/> 200).</exception>
    public static ChatCompletion FromJson(JObject raw) =>
        Read((JObject)NomyoValidationException.NotNull(raw, "raw").DeepClone());

    /// <summary>Reads a completion object this instance may keep (no copy).</summary>
    internal static ChatCompletion Read(JObject raw)
    {
        ChatCompletion completion;
        try
        {
            completion = raw.ToObject<ChatCompletion>(Serializer) ?? new ChatCompletion();
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new NomyoApiException($"The decrypted response is not an OpenAI chat completion: {ex.Message}", 200, innerException: ex);
        }

        completion._raw = raw;
        return completion;
    }

    /// <summary>The typed values as JSON (the raw form of a completion built by <see cref="NomyoModelFactory"/>).</summary>
    internal JObject ToJson() => JObject.FromObject(this, Serializer);

    /// <summary>Sets the raw form of a completion built by <see cref="NomyoModelFactory"/>.</summary>
    internal ChatCompletion WithRaw(JObject raw)
    {
        _raw = raw;
        return this;
    }
}
