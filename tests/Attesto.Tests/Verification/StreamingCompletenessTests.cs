
namespace Attesto.Tests.Verification;

public class StreamingCompletenessTests
{
    private static ChainEvent Event(long seq, long? previous = null) => new(seq, Hash(seq + 1), Hash(previous ?? seq));

    private static string Hash(long value) => value.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void A_linked_ascending_chain_passes_and_agrees_with_the_in_memory_check()
    {
        ChainEvent[] events = [.. Enumerable.Range(0, 500).Select(i => Event(i))];

        Assert.That(Completeness.VerifyOrdered(events, 0, 499).Problems, Is.Empty);
        Assert.That(Completeness.Verify(events, 0, 499).Problems, Is.Empty);
    }

    [Test]
    public void Gaps_duplicates_broken_links_and_strays_give_the_same_problems_as_the_in_memory_check()
    {
        ChainEvent[] events = [Event(0), Event(1), Event(1), Event(2, previous: 77), Event(5), Event(9)];

        CompletenessReport streamed = Completeness.VerifyOrdered(events, 0, 7);
        CompletenessReport inMemory = Completeness.Verify(events, 0, 7);

        Assert.That(streamed.MissingSeqNos, Is.EqualTo(new long[] { 3, 4, 6, 7 }));
        Assert.That(streamed.Problems, Is.EquivalentTo(inMemory.Problems));
    }

    [Test]
    public void Out_of_order_events_are_reported_not_silently_accepted()
    {
        CompletenessReport report = Completeness.VerifyOrdered([Event(0), Event(2), Event(1)], 0, 2);

        Assert.That(report.Ok, Is.False);
        Assert.That(report.Problems, Has.Some.Contains("out of order"));
    }

    [Test]
    public void Memory_stays_flat_a_long_gap_lists_the_first_thousand_and_counts_the_rest()
    {
        var checker = new CompletenessChecker(0, 1_000_000);
        checker.Add(Event(0));
        checker.Add(Event(1_000_000));
        for (int i = 0; i < 5_000; i++)
        {
            checker.Add(null);
        }

        CompletenessReport report = checker.Complete();

        Assert.That(report.MissingSeqNos, Has.Count.EqualTo(CompletenessChecker.MaxListed));
        Assert.That(report.Problems, Has.Some.Contains("(999999 in total)"));
        Assert.That(report.Problems.Count, Is.LessThanOrEqualTo(CompletenessChecker.MaxListed + 2));
        Assert.That(report.Problems, Has.Some.Contains("more problems not listed"));
        Assert.Throws<InvalidOperationException>(() => checker.Add(Event(2)));
    }

    [Test]
    public async Task The_async_form_reads_a_stream()
    {
        async IAsyncEnumerable<ChainEvent?> Stream()
        {
            for (int i = 0; i < 10; i++)
            {
                await Task.Yield();
                yield return Event(i);
            }
        }

        CompletenessReport report = await Completeness.VerifyOrderedAsync(Stream(), 0, 10);

        Assert.That(report.MissingSeqNos, Is.EqualTo(new long[] { 10 }));
    }
}
