using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Verification;

/// <summary>Argument checks, range limits and exact problem texts of the in-memory and streaming completeness checks.</summary>
public class CompletenessContractTests
{
    private static ChainEvent Event(long seq) => new(seq, Hash(seq + 1), Hash(seq));

    private static string Hash(long value) => value.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    private static string InvalidRange(long from, long to) =>
        $"invalid range: from_seq_no {from}, to_seq_no {to} (need 0 <= from <= to < 9223372036854775807)";

    [Test]
    public void Null_events_are_an_argument_error_in_every_form()
    {
        Assert.That(() => Completeness.Verify((IEnumerable<ChainEvent>)null!, 0, 1), Throws.TypeOf<AttestoValidationException>());
        Assert.That(() => Completeness.VerifyOrdered(null!, 0, 1), Throws.TypeOf<AttestoValidationException>());
        Assert.That(async () => await Completeness.VerifyOrderedAsync(null!, 0, 1), Throws.TypeOf<AttestoValidationException>());
    }

    [TestCase(3, 1)]
    [TestCase(-1, 3)]
    [TestCase(0, long.MaxValue)]
    public void An_invalid_range_is_the_only_problem(long from, long to)
    {
        ChainEvent[] events = [Event(1), Event(2), Event(3)];
        Assert.That(Completeness.Verify(events, from, to).Problems, Is.EqualTo(new[] { InvalidRange(from, to) }));
        Assert.That(Completeness.VerifyOrdered(events, from, to).Problems, Is.EqualTo(new[] { InvalidRange(from, to) }));
    }

    [TestCase(5, 5)]
    [TestCase(0, 0)]
    [TestCase(1, 3)]
    public void A_range_of_one_or_more_that_starts_at_zero_or_above_is_valid(long from, long to)
    {
        ChainEvent[] events = [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => Event(i))];
        Assert.That(Completeness.Verify(events, from, to).Problems, Is.Empty);
        Assert.That(Completeness.VerifyOrdered(events, from, to).Problems, Is.Empty);
    }

    [Test]
    public void A_null_event_is_named_and_skipped()
    {
        Assert.That(Completeness.Verify([null!, Event(1)], 1, 1).Problems, Is.EqualTo(new[] { "null event" }));
        Assert.That(Completeness.VerifyOrdered([null, Event(1)], 1, 1).Problems, Is.EqualTo(new[] { "null event" }));
    }

    [Test]
    public void Json_events_that_are_not_a_list_are_named()
    {
        Assert.That(Completeness.Verify(new JObject(), 1, 1).Problems, Is.EqualTo(new[] { "events must be a JSON list" }));
    }

    [Test]
    public async Task The_async_form_does_not_resume_on_the_callers_synchronization_context()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async IAsyncEnumerable<ChainEvent?> Gated()
        {
            await gate.Task.ConfigureAwait(false);
            yield return Event(0);
        }

        var context = new CountingSynchronizationContext();
        Task<CompletenessReport> pending = context.StartWithin(() => Completeness.VerifyOrderedAsync(Gated(), 0, 0));
        gate.SetResult();
        CompletenessReport report = await pending;

        Assert.That(report.Problems, Is.Empty);
        Assert.That(context.Posts, Is.Zero);
    }
}
