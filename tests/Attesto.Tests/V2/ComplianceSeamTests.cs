using Attesto.Testing;
using Attesto.Tests.Mock;

namespace Attesto.Tests.V2;

/// <summary>The v2 client behind part 1's writer/reader seams: sessions log through it, Article 12 reads through it.</summary>
public class ComplianceSeamTests
{
    [Test]
    public async Task Session_logs_typed_events_and_article12_reports_them()
    {
        await using var mock = MockAttesto.Start(new MockAttestoOptions { WindowSize = 2 });
        var store = new MemoryHeadStore();
        using var client = MockClients.Loopback(mock, store);
        string streamId = (await client.CreateStreamAsync("credit-decisions", "pol")).StreamId!;

        await using (var session = new AttestoSession(client, streamId, "analyst-7"))
        {
            await session.LogAsync(new ModelDecision("risk-v3", "approve") { ConfidenceBp = 8700 });
            await session.LogAsync(new ModelDecision("risk-v3", "decline") { ConfidenceBp = 6100 });
            await session.LogAsync(new ModelDecision("risk-v3", "approve") { HumanInLoop = true });
        }

        mock.CreateCheckpoint(streamId);
        string report = await Article12.RenderAsync(client, streamId, new DateTimeOffset(2026, 6, 7, 12, 0, 0, TimeSpan.Zero));

        Assert.That((await store.GetAsync(streamId))!.SeqNo, Is.EqualTo(3));
        Assert.That(report, Does.Contain(streamId));
        Assert.That(report, Does.Contain("ai.model_decision"));
        Assert.That(report, Does.Contain("Completeness check: passed"));
        Assert.That(report, Does.Contain("Anchored on chain (status confirmed): 1 of 1"));
        Assert.That(report, Is.EqualTo(await Article12.RenderAsync(client, streamId, new DateTimeOffset(2026, 6, 7, 12, 0, 0, TimeSpan.Zero))), "the report is deterministic");
    }
}
