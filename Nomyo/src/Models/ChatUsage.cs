using Newtonsoft.Json;

namespace Nomyo;

/// <summary><c>usage</c>: token counts.</summary>
public sealed class ChatUsage
{
    /// <summary><c>prompt_tokens</c>.</summary>
    [JsonProperty("prompt_tokens")]
    public int PromptTokens { get; init; }

    /// <summary><c>completion_tokens</c>.</summary>
    [JsonProperty("completion_tokens")]
    public int CompletionTokens { get; init; }

    /// <summary><c>total_tokens</c>.</summary>
    [JsonProperty("total_tokens")]
    public int TotalTokens { get; init; }
}
