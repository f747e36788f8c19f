using Newtonsoft.Json;

namespace Nomyo;

/// <summary>The <c>function</c> of a tool call.</summary>
public sealed class ChatFunctionCall
{
    /// <summary><c>name</c>: the function to call.</summary>
    [JsonProperty("name")]
    public string? Name { get; init; }

    /// <summary><c>arguments</c>: the arguments as JSON text, exactly as the model wrote them.</summary>
    [JsonProperty("arguments")]
    public string? Arguments { get; init; }
}
