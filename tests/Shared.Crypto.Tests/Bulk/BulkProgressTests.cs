namespace Shared.Crypto.Tests.Bulk;

public class BulkProgressTests
{
    [Test]
    public void The_rate_is_documents_per_elapsed_second()
    {
        var progress = new BulkProgress(Completed: 30, Failed: 0, Total: null, Elapsed: TimeSpan.FromSeconds(4));

        Assert.That(progress.PerSecond, Is.EqualTo(7.5));
    }

    [Test]
    public void Before_any_time_has_passed_the_rate_is_zero_and_there_is_no_estimate()
    {
        var progress = new BulkProgress(Completed: 5, Failed: 0, Total: 10, Elapsed: TimeSpan.Zero);

        Assert.That(progress.PerSecond, Is.EqualTo(0.0));
        Assert.That(progress.EstimatedRemaining, Is.Null);
    }

    [Test]
    public void The_fraction_is_completed_over_total()
    {
        Assert.That(new BulkProgress(3, 0, 4, TimeSpan.FromSeconds(1)).Fraction, Is.EqualTo(0.75));
        Assert.That(new BulkProgress(0, 0, 4, TimeSpan.FromSeconds(1)).Fraction, Is.EqualTo(0.0));
    }

    [Test]
    public void The_fraction_is_capped_at_one_and_unknown_without_a_positive_total()
    {
        Assert.That(new BulkProgress(9, 0, 4, TimeSpan.FromSeconds(1)).Fraction, Is.EqualTo(1.0));
        Assert.That(new BulkProgress(3, 0, 0, TimeSpan.FromSeconds(1)).Fraction, Is.Null);
        Assert.That(new BulkProgress(3, 0, null, TimeSpan.FromSeconds(1)).Fraction, Is.Null);
    }

    [Test]
    public void The_estimate_is_the_documents_left_at_the_current_rate()
    {
        // 4 done in 2 s = 2 per second; 6 left = 3 s.
        var progress = new BulkProgress(Completed: 4, Failed: 1, Total: 10, Elapsed: TimeSpan.FromSeconds(2));

        Assert.That(progress.EstimatedRemaining, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void More_done_than_the_announced_total_estimates_zero_not_a_negative_time()
    {
        var progress = new BulkProgress(Completed: 12, Failed: 0, Total: 10, Elapsed: TimeSpan.FromSeconds(2));

        Assert.That(progress.EstimatedRemaining, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Without_a_total_there_is_no_estimate()
    {
        Assert.That(new BulkProgress(4, 0, null, TimeSpan.FromSeconds(2)).EstimatedRemaining, Is.Null);
    }
}
