using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto.Tests.Verification;

public class CompletenessTests
{
    private static List<ChainEvent> Chain(long from, long to)
    {
        var events = new List<ChainEvent>();
        string previous = new('0', 64);
        for (long seq = from; seq <= to; seq++)
        {
            string hash = Hashes.Sha256Hex(BitConverter.GetBytes(seq));
            events.Add(new ChainEvent(seq, hash, previous));
            previous = hash;
        }

        return events;
    }

    [Test]
    public void A_full_chain_passes_in_any_order()
    {
        List<ChainEvent> events = Chain(5, 20);
        Assert.That(Completeness.Verify(events, 5, 20).Ok, Is.True);
        events.Reverse();
        Assert.That(Completeness.Verify(events, 5, 20).Ok, Is.True);
    }

    [Test]
    public void Gaps_are_named()
    {
        List<ChainEvent> events = Chain(1, 10);
        events.RemoveAll(e => e.SeqNo is 3 or 4 or 9);
        CompletenessReport report = Completeness.Verify(events, 1, 10);
        Assert.That(report.Ok, Is.False);
        Assert.That(report.MissingSeqNos, Is.EqualTo(new long[] { 3, 4, 9 }));
        Assert.That(report.Problems, Has.Some.EqualTo("missing seq_no 3, 4, 9"));
    }

    [Test]
    public void Missing_events_at_both_ends_and_an_empty_list()
    {
        Assert.That(Completeness.Verify(Chain(3, 5), 1, 7).MissingSeqNos, Is.EqualTo(new long[] { 1, 2, 6, 7 }));
        CompletenessReport empty = Completeness.Verify([], 1, 3);
        Assert.That(empty.MissingSeqNos, Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(empty.Ok, Is.False);
    }

    [Test]
    public void Huge_gaps_are_counted_but_the_list_is_capped()
    {
        CompletenessReport report = Completeness.Verify([], 1, 5000);
        Assert.That(report.MissingSeqNos, Has.Count.EqualTo(1000));
        Assert.That(report.Problems.Single(), Does.Contain("5000 in total"));
    }

    [Test]
    public void Duplicates_fail_even_when_identical()
    {
        List<ChainEvent> events = Chain(1, 4);
        events.Add(events[1]);
        CompletenessReport report = Completeness.Verify(events, 1, 4);
        Assert.That(report.Problems, Is.EqualTo(new[] { "duplicate seq_no 2" }));
    }

    [Test]
    public void Out_of_range_events_fail()
    {
        CompletenessReport report = Completeness.Verify(Chain(1, 6), 2, 5);
        Assert.That(report.Ok, Is.False);
        Assert.That(report.Problems, Is.EqualTo(new[] { "seq_no 1 is outside the range 2..5", "seq_no 6 is outside the range 2..5" }));
    }

    [Test]
    public void A_broken_link_is_named_and_the_first_previous_hash_is_not_checked()
    {
        List<ChainEvent> events = Chain(1, 5);
        events[0] = events[0] with { PreviousEventHash = "garbage" };
        Assert.That(Completeness.Verify(events, 1, 5).Ok, Is.True);
        events[3] = events[3] with { PreviousEventHash = new string('f', 64) };
        CompletenessReport report = Completeness.Verify(events, 1, 5);
        Assert.That(report.Problems, Is.EqualTo(new[] { "broken link at seq_no 4: previous event hash does not equal event_hash of seq_no 3" }));
        events[3] = events[3] with { PreviousEventHash = null };
        Assert.That(Completeness.Verify(events, 1, 5).Ok, Is.False);
    }

    [Test]
    public void Links_are_compared_case_insensitively()
    {
        List<ChainEvent> events = Chain(1, 3);
        events[2] = events[2] with { PreviousEventHash = events[1].EventHash.ToUpperInvariant() };
        Assert.That(Completeness.Verify(events, 1, 3).Ok, Is.True);
    }

    [Test]
    public void Inverted_range_and_malformed_json_fail_without_throwing()
    {
        Assert.That(Completeness.Verify(Chain(1, 3), 3, 1).Ok, Is.False);
        Assert.That(Completeness.Verify([], 1, long.MaxValue).Ok, Is.False);
        Assert.That(Completeness.Verify([], -1, 3).Ok, Is.False);
        Assert.That(Completeness.Verify(new JObject(), 1, 1).Ok, Is.False);
        CompletenessReport report = Completeness.Verify(JArray.Parse("[{\"seq_no\":1},{\"event_hash\":\"aa\"},3]"), 1, 1);
        Assert.That(report.Problems.Count(p => p.Contains("malformed", StringComparison.Ordinal)), Is.EqualTo(3));
    }
}
