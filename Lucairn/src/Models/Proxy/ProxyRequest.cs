using Newtonsoft.Json;

namespace Lucairn;

/// <summary>
/// A proxy request: a prompt template plus the context values the gateway sanitises before the
/// model sees them. Null members are not sent.
/// </summary>
public class ProxyRequest
{
    /// <summary>The prompt template with placeholders for <see cref="Context"/> keys.</summary>
    [JsonProperty("prompt_template", Order = 1)]
    public string PromptTemplate { get; set; } = string.Empty;

    /// <summary>The context values (sanitised by the gateway).</summary>
    [JsonProperty("context", Order = 2)]
    public IDictionary<string, string> Context { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The model to use, or null for the gateway default.</summary>
    [JsonProperty("model", Order = 3)]
    public string? Model { get; set; }

    /// <summary>The output token limit.</summary>
    [JsonProperty("max_tokens", Order = 4)]
    public int? MaxTokens { get; set; }

    /// <summary>The sampling temperature; must be finite.</summary>
    [JsonProperty("temperature", Order = 5)]
    public double? Temperature { get; set; }

    /// <summary>Streaming flag; <c>true</c> is rejected by <see cref="LucairnClient.SendMessagesAsync"/>.</summary>
    [JsonProperty("stream", Order = 6)]
    public bool? Stream { get; set; }

    /// <summary>Whether the gateway re-links redacted values into the answer.</summary>
    [JsonProperty("relink_response", Order = 7)]
    public bool? RelinkResponse { get; set; }

    /// <summary><c>live</c> or <c>proving_ground</c> (see <see cref="ProxyModes"/>).</summary>
    [JsonProperty("mode", Order = 8)]
    public string? Mode { get; set; }

    /// <summary>An activity id for correlation.</summary>
    [JsonProperty("activity_id", Order = 9)]
    public string? ActivityId { get; set; }

    /// <summary>Ground-truth PII spans per context key (proving-ground mode).</summary>
    [JsonProperty("ground_truth", Order = 10)]
    public IDictionary<string, IList<ProxyPiiAnnotation>>? GroundTruth { get; set; }
}
