using Newtonsoft.Json.Linq;

namespace Tools;

/// <summary>What a tool concluded about one input of a bulk run.</summary>
/// <param name="Name">The input's name.</param>
/// <param name="Valid">Whether it verified.</param>
/// <param name="Category">The verdict for the summary totals: <c>valid</c>, a failure reason, or <c>unreadable</c>.</param>
/// <param name="Line">One human-readable line (after the status word).</param>
/// <param name="Json">The JSON result object for <c>--json</c> (the input name is added).</param>
internal sealed record ToolOutcome(string Name, bool Valid, string Category, string Line, JObject Json)
{
    /// <summary>The category of inputs that could not be read.</summary>
    internal const string Unreadable = "unreadable";

    /// <summary>An input that could not be read (an I/O error: counted, reported, the run goes on).</summary>
    internal static ToolOutcome ReadFailure(ToolInput input) => new(
        input.Name, false, Unreadable, $"cannot read: {input.ReadError}", new JObject { ["valid"] = false, ["reason"] = Unreadable, ["message"] = input.ReadError });
}
