namespace Attesto.Tests.Verification;

/// <summary>The streaming checker's counters, invalid-range state, malformed inputs and ordering rules.</summary>
public class CompletenessCheckerTests
{
    private static ChainEvent Event(long seq) => new(seq, Hash(seq + 1), Hash(seq));

    private static string Hash(long value) => value.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void An_invalid_range_ignores_the_events_but_counts_them()
    {
        var checker = new CompletenessChecker(3, 1);
        checker.Add(Event(2));
        checker.Add(null);
        CompletenessReport report = checker.Complete();

        Assert.That(checker.EventCount, Is.EqualTo(2));
        Assert.That(report.Problems, Is.EqualTo(new[] { "invalid range: from_seq_no 3, to_seq_no 1 (need 0 <= from <= to < 9223372036854775807)" }));
        Assert.That(report.MissingSeqNos, Is.Empty);
    }

    [Test]
    public void Every_event_and_malformed_input_is_counted_and_named()
    {
        var checker = new CompletenessChecker(0, 2);
        checker.Add(Event(0));
        checker.Add(null);
        checker.AddMalformed("event [2] is malformed");

        Assert.That(checker.EventCount, Is.EqualTo(3));
        Assert.That(checker.Complete().Problems, Is.EqualTo(new[] { "null event", "event [2] is malformed", "missing seq_no 1, 2" }));
        Assert.That(() => checker.AddMalformed(null!), Throws.TypeOf<AttestoValidationException>());
    }

    [Test]
    public void Adding_after_completion_is_refused_with_a_clear_message()
    {
        var checker = new CompletenessChecker(0, 0);
        checker.Add(Event(0));
        Assert.That(checker.Complete().Ok, Is.True);
        Assert.That(
            () => checker.Add(Event(1)),
            Throws.InvalidOperationException.With.Message.EqualTo("The completeness check is already complete; start a new CompletenessChecker."));
        Assert.That(checker.EventCount, Is.EqualTo(1));
    }

    [Test]
    public void An_event_out_of_order_is_dropped_without_moving_the_position()
    {
        var checker = new CompletenessChecker(0, 3);
        foreach (long seq in new long[] { 0, 2, 1, 3 })
        {
            checker.Add(Event(seq));
        }

        CompletenessReport report = checker.Complete();
        Assert.That(report.Problems, Is.EqualTo(new[]
        {
            "seq_no 1 is out of order (after seq_no 2); the streaming check needs ascending seq_no",
            "missing seq_no 1",
        }));
        Assert.That(report.MissingSeqNos, Is.EqualTo(new long[] { 1 }));
    }
}
