using Newtonsoft.Json;

namespace Nomyo;

/// <summary>One element of <c>tool_calls</c>.</summary>
public sealed class ChatToolCall
{
    /// <summary><c>id</c>: pass it back as <see cref="ChatMessage.ToolCallId"/> with the result.</summary>
    [JsonProperty("id")]
    public string? Id { get; init; }

    /// <summary><c>type</c>: <c>function</c>.</summary>
    [JsonProperty("type")]
    public string? Type { get; init; }

    /// <summary><c>function</c>: the name and JSON arguments.</summary>
    [JsonProperty("function")]
    public ChatFunctionCall Function { get; init; } = new();
}
