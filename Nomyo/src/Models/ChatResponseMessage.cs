using Newtonsoft.Json;

namespace Nomyo;

/// <summary>The <c>message</c> of a choice.</summary>
public sealed class ChatResponseMessage
{
    /// <summary><c>role</c>, normally <c>assistant</c>.</summary>
    [JsonProperty("role")]
    public string? Role { get; init; }

    /// <summary><c>content</c>: the text, or null when the model only called tools.</summary>
    [JsonProperty("content")]
    public string? Content { get; init; }

    /// <summary><c>tool_calls</c>: the functions the model wants called (empty when none).</summary>
    [JsonProperty("tool_calls")]
    public IReadOnlyList<ChatToolCall> ToolCalls { get; init; } = [];

    /// <summary><c>reasoning_content</c>: a reasoning model's thinking, when the server returns it.</summary>
    [JsonProperty("reasoning_content")]
    public string? ReasoningContent { get; init; }
}
