using Newtonsoft.Json;

namespace Lucairn;

/// <summary>One ground-truth PII span for proving-ground runs.</summary>
public sealed class ProxyPiiAnnotation
{
    /// <summary>The PII type (for example <c>EMAIL</c>).</summary>
    [JsonProperty("type", Required = Required.Always)]
    public string Type { get; init; } = string.Empty;

    /// <summary>The annotated text.</summary>
    [JsonProperty("value", Required = Required.Always)]
    public string Value { get; init; } = string.Empty;

    /// <summary>Start offset in the context value.</summary>
    [JsonProperty("start", Required = Required.Always)]
    public int Start { get; init; }

    /// <summary>End offset in the context value.</summary>
    [JsonProperty("end", Required = Required.Always)]
    public int End { get; init; }
}
