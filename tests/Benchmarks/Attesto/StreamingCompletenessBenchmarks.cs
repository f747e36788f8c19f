using Attesto;
using BenchmarkDotNet.Attributes;

namespace Benchmarks.Attesto;

/// <summary>
/// Completeness over a generated, linked chain fed one event at a time: the streaming checker
/// against the in-memory <see cref="Completeness.Verify(IEnumerable{ChainEvent}, long, long)"/>.
/// The allocation column shows the streaming check keeps nothing per event.
/// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*StreamingCompleteness*' --job short
/// </summary>
[MemoryDiagnoser]
public class StreamingCompletenessBenchmarks
{
    [Params(1_000, 100_000)]
    public int Events { get; set; }

    private ChainEvent[] _events = null!;

    [GlobalSetup]
    public void Setup() =>
        _events = [.. Enumerable.Range(0, Events).Select(i => new ChainEvent(i, Hash(i + 1), Hash(i)))];

    [Benchmark(Baseline = true, Description = "Completeness.Verify (in memory)")]
    public bool InMemory() => Completeness.Verify(_events, 0, Events - 1).Ok;

    [Benchmark(Description = "Completeness.VerifyOrdered (streaming)")]
    public bool Streaming() => Completeness.VerifyOrdered(_events, 0, Events - 1).Ok;

    private static string Hash(long value) => value.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
}
