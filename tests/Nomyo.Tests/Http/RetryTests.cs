using Microsoft.Extensions.Time.Testing;

namespace Nomyo.Tests;

public class RetryTests
{
    [TestCase(429)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task Retryable_statuses_are_retried_until_success(int status)
    {
        var time = new FakeTimeProvider();
        var emulator = Harness.InProcessEmulator(time: time);
        using var client = Harness.Client(emulator, o => o.TimeProvider = time);
        emulator.FailNext(status, count: 2);

        var answer = await Harness.DriveAsync(time, client.CreateAsync("m", Harness.Hello()), TimeSpan.FromMilliseconds(250));

        Assert.That(answer.Choices[0].Message.Content, Is.EqualTo("Hello there"));
        Assert.That(emulator.CompletionRequestCount, Is.EqualTo(3));
    }

    [Test]
    public async Task Backoff_is_about_one_then_two_seconds_with_jitter()
    {
        var time = new FakeTimeProvider();
        var emulator = Harness.InProcessEmulator(time: time);
        using var client = Harness.Client(emulator, o => o.TimeProvider = time);
        emulator.FailNext(503, count: 2);

        var call = client.CreateAsync("m", Harness.Hello());
        await Harness.WaitUntilAsync(() => emulator.CompletionRequestCount == 1);
        time.Advance(TimeSpan.FromSeconds(0.79));
        await Task.Delay(50);
        Assert.That(emulator.CompletionRequestCount, Is.EqualTo(1), "no retry before 0.8 s");
        time.Advance(TimeSpan.FromSeconds(0.42));
        await Harness.WaitUntilAsync(() => emulator.CompletionRequestCount == 2);

        time.Advance(TimeSpan.FromSeconds(1.59));
        await Task.Delay(50);
        Assert.That(emulator.CompletionRequestCount, Is.EqualTo(2), "no second retry before 1.6 s");
        time.Advance(TimeSpan.FromSeconds(0.82));
        await Harness.WaitUntilAsync(() => emulator.CompletionRequestCount == 3);
        Assert.That((await call).Choices, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Retry_after_is_honoured()
    {
        var time = new FakeTimeProvider();
        var emulator = Harness.InProcessEmulator(time: time);
        using var client = Harness.Client(emulator, o => o.TimeProvider = time);
        emulator.FailNext(429, retryAfter: TimeSpan.FromSeconds(5));

        var call = client.CreateAsync("m", Harness.Hello());
        await Harness.WaitUntilAsync(() => emulator.CompletionRequestCount == 1);
        time.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(50);
        Assert.That(emulator.CompletionRequestCount, Is.EqualTo(1));
        time.Advance(TimeSpan.FromSeconds(0.2));
        await call;
        Assert.That(emulator.CompletionRequestCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Exhausted_retries_raise_the_last_status_error()
    {
        var time = new FakeTimeProvider();
        var emulator = Harness.InProcessEmulator(time: time);
        using var client = Harness.Client(emulator, o => o.TimeProvider = time);
        emulator.FailNext(503, count: 3);

        var call = Harness.DriveAsync(time, client.CreateAsync("m", Harness.Hello()), TimeSpan.FromMilliseconds(250));

        var ex = await Assert.ThrowsAsync<NomyoServiceUnavailableException>(async () => await call);
        Assert.That(ex!.Status, Is.EqualTo(503));
        Assert.That(emulator.CompletionRequestCount, Is.EqualTo(3), "max_retries + 1 attempts");
    }

    [Test]
    public async Task Server_error_500_is_not_retried_by_default()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);
        emulator.FailNext(500);

        await Assert.ThrowsAsync<NomyoServerException>(() => client.CreateAsync("m", Harness.Hello()));
        Assert.That(emulator.CompletionRequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Server_error_500_is_retried_when_enabled()
    {
        var time = new FakeTimeProvider();
        var emulator = Harness.InProcessEmulator(time: time);
        using var client = Harness.Client(emulator, o => { o.TimeProvider = time; o.RetryServerErrors = true; });
        emulator.FailNext(500);

        await Harness.DriveAsync(time, client.CreateAsync("m", Harness.Hello()), TimeSpan.FromMilliseconds(250));
        Assert.That(emulator.CompletionRequestCount, Is.EqualTo(2));
    }

    [TestCase(400)]
    [TestCase(401)]
    [TestCase(403)]
    [TestCase(404)]
    public async Task Client_errors_are_not_retried(int status)
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);
        emulator.FailNext(status);

        await Assert.ThrowsAsync(Is.InstanceOf<NomyoApiException>(), () => client.CreateAsync("m", Harness.Hello()));
        Assert.That(emulator.CompletionRequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Connection_failures_are_retried()
    {
        var time = new FakeTimeProvider();
        var emulator = Harness.InProcessEmulator(time: time);
        var flaky = new FlakyHandler(failures: 2) { InnerHandler = emulator.CreateHandler() };
        using var client = Harness.Client(emulator, o => o.TimeProvider = time, flaky);

        var answer = await Harness.DriveAsync(time, client.CreateAsync("m", Harness.Hello()), TimeSpan.FromMilliseconds(250));

        Assert.That(answer.Choices, Has.Count.EqualTo(1));
        Assert.That(flaky.Attempts, Is.EqualTo(4), "two refused + one key fetch + one completion");
    }

    [Test]
    public async Task Max_retries_zero_disables_retries()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator, o => o.MaxRetries = 0);
        emulator.FailNext(503);

        await Assert.ThrowsAsync<NomyoServiceUnavailableException>(() => client.CreateAsync("m", Harness.Hello()));
        Assert.That(emulator.CompletionRequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task A_slow_answer_is_a_timeout_error_and_is_not_retried()
    {
        var time = new FakeTimeProvider();
        var emulator = Harness.InProcessEmulator(time: time);
        using var client = Harness.Client(emulator, o => { o.TimeProvider = time; o.Timeout = TimeSpan.FromSeconds(5); });
        await client.CreateAsync("m", Harness.Hello());
        emulator.DelayNext(TimeSpan.FromSeconds(30));

        var call = client.CreateAsync("m", Harness.Hello());
        await Harness.WaitUntilAsync(() => emulator.CompletionRequestCount == 2);
        time.Advance(TimeSpan.FromSeconds(6));

        var ex = await Assert.ThrowsAsync<NomyoTimeoutException>(async () => await call);
        Assert.That(ex!.Message, Does.Contain("timed out after 5 s"));
        Assert.That(ex.Status, Is.Null);
        Assert.That(emulator.CompletionRequestCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Caller_cancellation_is_reported_as_cancellation()
    {
        var time = new FakeTimeProvider();
        var emulator = Harness.InProcessEmulator(time: time);
        using var client = Harness.Client(emulator, o => o.TimeProvider = time);
        emulator.DelayNext(TimeSpan.FromSeconds(30));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThatAsync(async () => await client.CreateAsync("m", Harness.Hello(), cancellationToken: cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task A_post_that_could_not_connect_is_retried()
    {
        var time = new FakeTimeProvider();
        var emulator = Harness.InProcessEmulator(time: time);
        var flaky = new FlakyHandler(failures: 1, postsOnly: true) { InnerHandler = emulator.CreateHandler() };
        using var client = Harness.Client(emulator, o => o.TimeProvider = time, flaky);

        await Harness.DriveAsync(time, client.CreateAsync("m", Harness.Hello()), TimeSpan.FromMilliseconds(250));

        Assert.That(emulator.CompletionRequestCount, Is.EqualTo(1));
        Assert.That(flaky.Attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task A_post_whose_answer_was_lost_is_not_retried()
    {
        var emulator = Harness.InProcessEmulator();
        var flaky = new FlakyHandler(failures: 1, postsOnly: true, error: HttpRequestError.ResponseEnded) { InnerHandler = emulator.CreateHandler() };
        using var client = Harness.Client(emulator, handler: flaky);

        var ex = await Assert.ThrowsAsync<NomyoConnectionException>(() => client.CreateAsync("m", Harness.Hello()));

        Assert.That(ex!.Message, Does.Contain("could not connect to the router"));
        Assert.That(flaky.Attempts, Is.EqualTo(1), "the inference may have run: never sent twice");
    }

    /// <summary>Fails the first requests like a server that is not up yet (or one that drops answers).</summary>
    private sealed class FlakyHandler(int failures, bool postsOnly = false, HttpRequestError error = HttpRequestError.ConnectionError) : DelegatingHandler
    {
        private int _attempts;

        public int Attempts => _attempts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (postsOnly && request.Method != HttpMethod.Post)
            {
                return base.SendAsync(request, cancellationToken);
            }

            return Interlocked.Increment(ref _attempts) <= failures
                ? throw new HttpRequestException(error, $"{error} (simulated)")
                : base.SendAsync(request, cancellationToken);
        }
    }
}
