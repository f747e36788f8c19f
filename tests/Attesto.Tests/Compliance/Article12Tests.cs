using Shared.Crypto;

namespace Attesto.Tests.Compliance;

public class Article12Tests
{
    private static List<ChainEvent> Events()
    {
        var events = new List<ChainEvent>();
        string previous = new('0', 64);
        string[] types = ["ai.model_decision", "ai.human_override", "ai.model_decision", "ai.data_access"];
        for (int i = 0; i < types.Length; i++)
        {
            string hash = Hashes.Sha256Hex([(byte)i]);
            events.Add(new ChainEvent(i + 1, hash, previous, types[i]));
            previous = hash;
        }

        return events;
    }

    private static List<CheckpointRange> Checkpoints() =>
    [
        new("chk_b", 3, 4, new string('b', 64), new string('a', 64), "pending"),
        new("chk_a", 1, 2, new string('a', 64), null, "confirmed"),
    ];

    [Test]
    public void Report_is_deterministic_and_independent_of_input_order()
    {
        List<ChainEvent> events = Events();
        string first = Article12.Render("str_1", events, Checkpoints());
        events.Reverse();
        string second = Article12.Render("str_1", events, Checkpoints().AsEnumerable().Reverse().ToList());
        Assert.That(second, Is.EqualTo(first));
        Assert.That(first, Does.Contain("| ai.model_decision | 2 |"));
        Assert.That(first, Does.Contain("- Sequence numbers: 1 to 4"));
        Assert.That(first, Does.Contain("Completeness check: passed"));
        Assert.That(first, Does.Contain("Anchored on chain (status confirmed): 1 of 2"));
        Assert.That(first, Does.Contain("Checkpoint continuity: passed"));
        Assert.That(first, Does.Contain(Article12.DoesNotClaim));
        Assert.That(first, Does.Not.Contain("Generated at"));
    }

    [Test]
    public void Report_never_asserts_conformity()
    {
        string report = Article12.Render("str_1", Events(), Checkpoints());
        string withoutDisclaimer = report.Replace(Article12.DoesNotClaim, string.Empty, StringComparison.Ordinal);
        Assert.That(withoutDisclaimer, Does.Not.Contain("conform").IgnoreCase.And.Not.Contain("compliant").IgnoreCase);
    }

    [Test]
    public void Gaps_and_breaks_are_reported()
    {
        List<ChainEvent> events = Events();
        events.RemoveAt(1);
        List<CheckpointRange> checkpoints = Checkpoints();
        checkpoints[0] = checkpoints[0] with { FromSeqNo = 4 };
        string report = Article12.Render("str_1", events, checkpoints, new DateTimeOffset(2026, 6, 7, 12, 0, 0, TimeSpan.Zero));
        Assert.That(report, Does.Contain("Completeness check: FAILED").And.Contain("missing seq_no 2"));
        Assert.That(report, Does.Contain("Checkpoint continuity: FAILED"));
        Assert.That(report, Does.Contain("Generated at 2026-06-07T12:00:00Z."));
    }

    [Test]
    public async Task Render_async_reads_through_the_stream_reader()
    {
        var reader = new Moq.Mock<IAttestoStreamReader>();
        reader.Setup(r => r.ReadStreamEventsAsync("str_1", Moq.It.IsAny<CancellationToken>())).Returns(Events().ToAsyncEnumerable());
        reader.Setup(r => r.ReadCheckpointsAsync("str_1", Moq.It.IsAny<CancellationToken>())).Returns(Checkpoints().ToAsyncEnumerable());
        string report = await Article12.RenderAsync(reader.Object, "str_1");
        Assert.That(report, Is.EqualTo(Article12.Render("str_1", Events(), Checkpoints())));
    }

    [Test]
    public void Empty_stream_renders_without_claims()
    {
        string report = Article12.Render("str_empty", [], []);
        Assert.That(report, Does.Contain("- Events: 0").And.Contain("No events are recorded"));
    }

    [Test]
    public void Pipes_in_values_are_escaped()
    {
        string report = Article12.Render("str_1", [new ChainEvent(1, new string('a', 64), null, "a|b")], []);
        Assert.That(report, Does.Contain("| a\\|b | 1 |"));
    }
}
