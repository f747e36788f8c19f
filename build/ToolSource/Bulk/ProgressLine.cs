using System.Globalization;
using Shared.Crypto;

namespace Tools;

/// <summary>
/// The progress line a bulk run rewrites on standard error (only when it is a terminal): count,
/// percent when the total is known, rate, and the time left when it can be estimated.
/// </summary>
internal sealed class ProgressLine(TextWriter stderr) : IProgress<BulkProgress>
{
    private int _width;

    /// <inheritdoc />
    public void Report(BulkProgress value)
    {
        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{value.Completed:N0}");
        if (value.Total is long total)
        {
            text.Append(CultureInfo.InvariantCulture, $"/{total:N0} ({value.Fraction * 100:F1} %)");
        }

        text.Append(CultureInfo.InvariantCulture, $"  {value.PerSecond:N0}/s");
        if (value.Failed > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {value.Failed:N0} failed");
        }

        if (value.EstimatedRemaining is TimeSpan left)
        {
            text.Append(CultureInfo.InvariantCulture, $"  ETA {(int)left.TotalMinutes}:{left.Seconds:D2}");
        }

        string line = text.ToString();
        stderr.Write('\r' + line.PadRight(_width));
        _width = line.Length;
        stderr.Flush();
    }

    /// <summary>Clears the line once the run is over.</summary>
    internal void Clear()
    {
        if (_width > 0)
        {
            stderr.Write('\r' + new string(' ', _width) + '\r');
            stderr.Flush();
        }
    }
}
