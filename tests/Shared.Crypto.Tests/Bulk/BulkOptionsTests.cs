namespace Shared.Crypto.Tests.Bulk;

public class BulkOptionsTests
{
    [Test]
    public void The_smallest_legal_values_are_accepted()
    {
        var options = new BulkOptions { MaxDegreeOfParallelism = 1, InFlightPerWorker = 1, ProgressInterval = TimeSpan.Zero, TotalCount = 0 };

        Assert.DoesNotThrow(options.Validate);
    }

    [Test]
    public void Zero_workers_are_rejected_with_the_reason()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(new BulkOptions { MaxDegreeOfParallelism = 0 }.Validate);

        Assert.That(error!.ParamName, Is.EqualTo(nameof(BulkOptions.MaxDegreeOfParallelism)));
        Assert.That(error.Message, Does.StartWith("At least one worker is needed."));
    }

    [Test]
    public void Zero_documents_in_flight_are_rejected_with_the_reason()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(new BulkOptions { InFlightPerWorker = 0 }.Validate);

        Assert.That(error!.ParamName, Is.EqualTo(nameof(BulkOptions.InFlightPerWorker)));
        Assert.That(error.Message, Does.StartWith("At least one document per worker must be allowed in flight."));
    }

    [Test]
    public void A_negative_progress_interval_is_rejected_with_the_reason()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(new BulkOptions { ProgressInterval = TimeSpan.FromTicks(-1) }.Validate);

        Assert.That(error!.ParamName, Is.EqualTo(nameof(BulkOptions.ProgressInterval)));
        Assert.That(error.Message, Does.StartWith("The progress interval cannot be negative."));
    }

    [Test]
    public void A_negative_total_is_rejected_with_the_reason()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(new BulkOptions { TotalCount = -1 }.Validate);

        Assert.That(error!.ParamName, Is.EqualTo(nameof(BulkOptions.TotalCount)));
        Assert.That(error.Message, Does.StartWith("The total cannot be negative."));
    }

    [Test]
    public void A_null_clock_is_rejected()
    {
        var error = Assert.Throws<ArgumentNullException>(new BulkOptions { TimeProvider = null! }.Validate);

        Assert.That(error!.ParamName, Is.EqualTo(nameof(BulkOptions.TimeProvider)));
    }
}
