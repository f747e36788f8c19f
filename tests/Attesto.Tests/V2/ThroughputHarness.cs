using System.Diagnostics;
using Attesto.Testing;
using Attesto.Tests.Mock;
using Attesto.Tests.Witness;

namespace Attesto.Tests.V2;

/// <summary>
/// The speed check of issue 5: 10,000 events in batches of 1,000 against MockAttesto on loopback,
/// receipt verification and file head-store persistence on. Explicit: run with
/// <c>dotnet test --filter FullyQualifiedName~ThroughputHarness</c>.
/// </summary>
[Explicit("Stopwatch harness; run on demand")]
public class ThroughputHarness
{
    [Test]
    public async Task Ten_thousand_events_in_batches_of_a_thousand()
    {
        using var dir = new TempDir();
        await using var mock = MockAttesto.Start();
        using var client = MockClients.Loopback(mock, new FileHeadStore(Path.Combine(dir.Path, "heads.json")));
        string streamId = (await client.CreateStreamAsync("bench", "pol")).StreamId!;
        await client.LogEventsAsync(streamId, MockClients.Events(1, 1000, "warmup"));

        using var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        for (int batch = 0; batch < 10; batch++)
        {
            await client.LogEventsAsync(streamId, MockClients.Events(1 + (batch * 1000), 1000));
        }

        stopwatch.Stop();
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        double perSecond = 10_000 / stopwatch.Elapsed.TotalSeconds;
        TestContext.Out.WriteLine($"10,000 events in {stopwatch.Elapsed.TotalMilliseconds:0} ms = {perSecond:0} events/s wall; {cpuSeconds:0.00} CPU-s (client + mock) = {10_000 / cpuSeconds:0} events per CPU-second; peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MiB; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Assert.That((await new FileHeadStore(Path.Combine(dir.Path, "heads.json")).GetAsync(streamId))!.SeqNo, Is.EqualTo(11_000));
    }
}
