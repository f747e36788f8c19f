using Newtonsoft.Json;

namespace Nomyo;

/// <summary>One element of <c>choices</c>.</summary>
public sealed class ChatChoice
{
    /// <summary><c>index</c>.</summary>
    [JsonProperty("index")]
    public int Index { get; init; }

    /// <summary><c>message</c>: the generated message.</summary>
    [JsonProperty("message")]
    public ChatResponseMessage Message { get; init; } = new();

    /// <summary><c>finish_reason</c>: <c>stop</c>, <c>length</c>, <c>tool_calls</c>, …</summary>
    [JsonProperty("finish_reason")]
    public string? FinishReason { get; init; }
}
