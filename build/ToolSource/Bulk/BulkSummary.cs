using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Tools;

/// <summary>The totals of a bulk run: counts by verdict or reason, the slowest inputs, wall time.</summary>
internal sealed class BulkSummary
{
    private const int SlowestKept = 5;

    private readonly SortedDictionary<string, long> _byCategory = new(StringComparer.Ordinal);
    private readonly List<(string Name, TimeSpan Elapsed)> _slowest = [];

    internal long Inputs { get; private set; }

    internal long Verified { get; private set; }

    internal long Unreadable { get; private set; }

    internal long Failed => Inputs - Verified - Unreadable;

    internal void Add(ToolOutcome outcome, TimeSpan elapsed)
    {
        Inputs++;
        if (outcome.Valid)
        {
            Verified++;
        }
        else if (outcome.Category == ToolOutcome.Unreadable)
        {
            Unreadable++;
        }

        _byCategory[outcome.Category] = _byCategory.GetValueOrDefault(outcome.Category) + 1;
        if (_slowest.Count < SlowestKept || elapsed > _slowest[^1].Elapsed)
        {
            int at = _slowest.FindIndex(s => s.Elapsed < elapsed);
            _slowest.Insert(at < 0 ? _slowest.Count : at, (outcome.Name, elapsed));
            if (_slowest.Count > SlowestKept)
            {
                _slowest.RemoveAt(SlowestKept);
            }
        }
    }

    /// <summary>0 when every input verified, 2 when an input could not be read, else 1.</summary>
    internal int ExitCode => Unreadable > 0 ? ExitCodes.Usage : Failed > 0 ? ExitCodes.Invalid : ExitCodes.Valid;

    internal JObject ToJson(TimeSpan wall, int jobs) => new()
    {
        ["summary"] = new JObject
        {
            ["inputs"] = Inputs,
            ["verified"] = Verified,
            ["failed"] = Failed,
            ["unreadable"] = Unreadable,
            ["by_verdict"] = new JObject(_byCategory.Select(c => new JProperty(c.Key, c.Value))),
            ["slowest"] = new JArray(_slowest.Select(s => new JObject { ["input"] = s.Name, ["ms"] = Math.Round(s.Elapsed.TotalMilliseconds, 3) })),
            ["wall_seconds"] = Math.Round(wall.TotalSeconds, 3),
            ["per_second"] = wall > TimeSpan.Zero ? Math.Round(Inputs / wall.TotalSeconds, 1) : 0,
            ["jobs"] = jobs,
            ["exit_code"] = ExitCode,
        },
    };

    internal void WriteText(TextWriter writer, TimeSpan wall, int jobs)
    {
        double rate = wall > TimeSpan.Zero ? Inputs / wall.TotalSeconds : 0;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summary: {Inputs} inputs, {Verified} verified, {Failed} failed, {Unreadable} unreadable in {wall.TotalSeconds:F2} s ({rate:F0}/s, {jobs} jobs)"));
        foreach (var (category, count) in _byCategory)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {category}: {count}"));
        }

        if (_slowest.Count > 0)
        {
            writer.WriteLine("  slowest: " + string.Join(", ", _slowest.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} ({s.Elapsed.TotalMilliseconds:F2} ms)"))));
        }
    }
}
