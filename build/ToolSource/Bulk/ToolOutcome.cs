using Newtonsoft.Json.Linq;

namespace Tools;

/// <summary>What a tool concluded about one input of a bulk run.</summary>
/// <param name="name">The input's name.</param>
/// <param name="valid">Whether it verified.</param>
/// <param name="category">The verdict for the summary totals: <c>valid</c>, a failure reason, or <c>unreadable</c>.</param>
/// <param name="line">One human-readable line (after the status word).</param>
/// <param name="json">Builds the JSON result object for <c>--json</c> (the input name is added). Called only in that mode: a token tree per input costs about half a certificate verification.</param>
internal sealed class ToolOutcome(string name, bool valid, string category, string line, Func<JObject> json)
{
    /// <summary>The category of inputs that could not be read.</summary>
    internal const string Unreadable = "unreadable";

    /// <summary>The input's name.</summary>
    internal string Name { get; } = name;

    /// <summary>Whether it verified.</summary>
    internal bool Valid { get; } = valid;

    /// <summary>The verdict for the summary totals.</summary>
    internal string Category { get; } = category;

    /// <summary>One human-readable line (after the status word).</summary>
    internal string Line { get; } = line;

    /// <summary>The JSON result object (built now).</summary>
    internal JObject ToJson() => json();

    /// <summary>An input that could not be read (an I/O error: counted, reported, the run goes on).</summary>
    internal static ToolOutcome ReadFailure(ToolInput input) => Failure(input.Name, Unreadable, $"cannot read: {input.ReadError}", input.ReadError);

    /// <summary>A failed input whose JSON is <c>{"valid":false,"reason":…,"message":…}</c>.</summary>
    internal static ToolOutcome Failure(string name, string reason, string line, string? message) =>
        new(name, false, reason, line, () => new JObject { ["valid"] = false, ["reason"] = reason, ["message"] = message });
}
