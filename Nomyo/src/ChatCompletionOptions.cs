using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>
/// The optional parameters of <see cref="SecureChatCompletion.CreateAsync"/> (spec §1.1). Every
/// property left null is not sent; set ones are forwarded into the encrypted payload, in this
/// order, after <c>model</c> and <c>messages</c>. <see cref="BaseUrl"/>, <see cref="ApiKey"/>
/// and <see cref="SecurityTier"/> are never put into the payload.
/// </summary>
public sealed class ChatCompletionOptions
{
    /// <summary><c>temperature</c> (0–2).</summary>
    public double? Temperature { get; set; }

    /// <summary><c>max_tokens</c>.</summary>
    public int? MaxTokens { get; set; }

    /// <summary><c>top_p</c>.</summary>
    public double? TopP { get; set; }

    /// <summary><c>stop</c> sequences (sent as a JSON array).</summary>
    public IList<string>? Stop { get; set; }

    /// <summary><c>presence_penalty</c> (−2 to 2).</summary>
    public double? PresencePenalty { get; set; }

    /// <summary><c>frequency_penalty</c> (−2 to 2).</summary>
    public double? FrequencyPenalty { get; set; }

    /// <summary><c>n</c>: how many choices to generate.</summary>
    public int? N { get; set; }

    /// <summary><c>best_of</c>.</summary>
    public int? BestOf { get; set; }

    /// <summary><c>seed</c>.</summary>
    public long? Seed { get; set; }

    /// <summary><c>logit_bias</c>: token id → bias (−100 to 100).</summary>
    public IDictionary<string, int>? LogitBias { get; set; }

    /// <summary><c>user</c>: an end-user identifier.</summary>
    public string? User { get; set; }

    /// <summary><c>tools</c>: OpenAI tool definitions, forwarded verbatim.</summary>
    public JArray? Tools { get; set; }

    /// <summary><c>tool_choice</c>: <c>"auto"</c>, <c>"none"</c>, <c>"required"</c> or a function object, forwarded verbatim.</summary>
    public JToken? ToolChoice { get; set; }

    /// <summary><c>response_format</c>, e.g. <c>{"type": "json_object"}</c> or a <c>json_schema</c> object, forwarded verbatim.</summary>
    public JObject? ResponseFormat { get; set; }

    /// <summary>
    /// <c>stream</c>. Streaming is not supported by the secure endpoint: only false (sent as
    /// <c>"stream": false</c>) is accepted; true is refused before anything is sent.
    /// </summary>
    public bool? Stream { get; set; }

    /// <summary>The <c>X-Security-Tier</c> header; null sends none (the server default).</summary>
    public SecurityTier? SecurityTier { get; set; }

    /// <summary>A router for this call only (same rules as <see cref="NomyoClientOptions.BaseUrl"/>); the client's keys, HTTP connections and settings are reused.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>An API key for this call only; null uses the client's. An empty key is refused.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Further payload fields, forwarded verbatim (a null value is sent as JSON <c>null</c>).
    /// A key may not repeat <c>model</c>, <c>messages</c>, a property set above, or name
    /// <c>api_key</c>, <c>base_url</c> or <c>security_tier</c> (use the properties, which are never sent in the payload).
    /// </summary>
    public IDictionary<string, JToken?> AdditionalProperties { get; } = new Dictionary<string, JToken?>(StringComparer.Ordinal);
}
