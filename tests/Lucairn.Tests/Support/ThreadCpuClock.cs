using System.Diagnostics;
using System.Globalization;

namespace Lucairn.Tests.Support;

/// <summary>
/// Measures the CPU time the calling thread spends (Linux: <c>/proc/thread-self/schedstat</c>,
/// nanoseconds on the CPU), so a time bound does not fail because other processes load the
/// machine. Where that file is missing it falls back to wall time, and <see cref="IsCpuTime"/>
/// says so (callers then use a wider bound).
/// </summary>
internal sealed class ThreadCpuClock
{
    private const string SchedStat = "/proc/thread-self/schedstat";

    private readonly long _startCpu;
    private readonly Stopwatch _wall = Stopwatch.StartNew();

    private ThreadCpuClock()
    {
        IsCpuTime = TryRead(out _startCpu);
    }

    /// <summary>Whether <see cref="Elapsed"/> is thread CPU time (else wall time).</summary>
    internal bool IsCpuTime { get; }

    /// <summary>The CPU time (or wall time) since <see cref="Start"/>.</summary>
    internal TimeSpan Elapsed => IsCpuTime && TryRead(out long now) ? TimeSpan.FromTicks((now - _startCpu) / 100) : _wall.Elapsed;

    /// <summary>Wall time since <see cref="Start"/>.</summary>
    internal TimeSpan Wall => _wall.Elapsed;

    internal static ThreadCpuClock Start() => new();

    private static bool TryRead(out long nanoseconds)
    {
        nanoseconds = 0;
        try
        {
            string text = File.ReadAllText(SchedStat);
            int space = text.IndexOf(' ', StringComparison.Ordinal);
            return space > 0 && long.TryParse(text.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out nanoseconds);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }
}
