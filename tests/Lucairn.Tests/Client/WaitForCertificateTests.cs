using System.Net;
using System.Net.Http.Headers;
using Lucairn;
using Lucairn.Tests.Support;
using Lucairn.Tests.Verification;
using Microsoft.Extensions.Time.Testing;
using TestSupport;
using RichardSzalay.MockHttp;

namespace Lucairn.Tests.Client;

/// <summary>"Not assembled yet" as a result: <see cref="LucairnClient.TryGetCertificateAsync"/> and <see cref="LucairnClient.WaitForCertificateAsync"/> (issue 13).</summary>
public class WaitForCertificateTests
{
    private const string Url = TestClients.BaseUrl + "/api/v1/veil/certificate/req_1";

    /// <summary>A gateway that answers each poll with the next scripted answer (the last repeats) and records the fake time of every poll.</summary>
    private sealed class ScriptedGateway
    {
        private readonly Queue<Func<HttpResponseMessage>> _answers;
        private readonly Func<HttpResponseMessage> _last;

        internal ScriptedGateway(FakeTimeProvider time, params Func<HttpResponseMessage>[] answers)
        {
            Time = time;
            _answers = new Queue<Func<HttpResponseMessage>>(answers);
            _last = answers[^1];
            var mock = new MockHttpMessageHandler();
            mock.When(Url).Respond(_ =>
            {
                lock (Polls)
                {
                    Polls.Add(time.GetUtcNow() - Start);
                }

                return (_answers.Count > 0 ? _answers.Dequeue() : _last)();
            });
            Client = TestClients.Create(mock, c => c.TimeProvider = time);
        }

        internal FakeTimeProvider Time { get; }

        internal DateTimeOffset Start { get; } = DateTimeOffset.UnixEpoch;

        internal List<TimeSpan> Polls { get; } = [];

        internal LucairnClient Client { get; }
    }

    private static Func<HttpResponseMessage> Pending(double? bodySeconds, TimeSpan? header = null) => () =>
    {
        string body = bodySeconds is { } s ? $$"""{"status":"pending","retry_after_seconds":{{s.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""" : """{"status":"pending"}""";
        var response = new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (header is { } wait)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(wait);
        }

        return response;
    };

    private static Func<HttpResponseMessage> Ready() => () =>
        new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(CertificateFixtures.Anchored, System.Text.Encoding.UTF8, "application/json") };

    private static Func<HttpResponseMessage> Status(HttpStatusCode status, string body) => () =>
        new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

    /// <summary>A clock that counts the waits of at most 30 s (the longest the client waits between polls; the 60 s request timeout is not one).</summary>
    private static WaitingClock Clock() => new(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(30));

    /// <summary>Moves the fake clock in 100 ms steps while the call waits (no real waiting, and never between a poll and its wait).</summary>
    private static Task<T> Drive<T>(WaitingClock time, Task<T> call) => time.DriveAsync(call, TimeSpan.FromMilliseconds(100));

    [Test]
    public async Task try_get_reports_pending_with_the_body_wait_then_the_certificate()
    {
        var gateway = new ScriptedGateway(Clock(), Pending(30, header: TimeSpan.FromSeconds(99)), Ready());
        using LucairnClient client = gateway.Client;
        CertificateFetchResult pending = await client.TryGetCertificateAsync("req_1");
        CertificateFetchResult ready = await client.TryGetCertificateAsync("req_1");
        Assert.Multiple(() =>
        {
            Assert.That(pending.IsReady, Is.False);
            Assert.That(pending.Certificate, Is.Null);
            Assert.That(pending.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(30)), "the body's retry_after_seconds wins over the header");
            Assert.That(ready.IsReady, Is.True);
            Assert.That(ready.Certificate!.RequestId, Is.Not.Empty);
            Assert.That(ready.RetryAfter, Is.Null);
        });
    }

    [Test]
    public async Task try_get_falls_back_to_the_retry_after_header()
    {
        var gateway = new ScriptedGateway(Clock(), Pending(null, header: TimeSpan.FromSeconds(7)));
        using LucairnClient client = gateway.Client;
        CertificateFetchResult pending = await client.TryGetCertificateAsync("req_1");
        Assert.That(pending.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public async Task get_certificate_keeps_the_202_exception_with_the_wait()
    {
        var gateway = new ScriptedGateway(Clock(), Pending(12));
        using LucairnClient client = gateway.Client;
        var error = await Expect.Throws<LucairnApiException>(() => client.GetCertificateAsync("req_1"));
        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(202));
            Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(12)));
        });
    }

    [Test]
    public async Task wait_polls_as_the_gateway_asks_and_returns_the_certificate()
    {
        var time = Clock();
        var gateway = new ScriptedGateway(time, Pending(5), Pending(3), Ready());
        using LucairnClient client = gateway.Client;
        VeilCertificate certificate = await Drive(time, client.WaitForCertificateAsync("req_1", TimeSpan.FromMinutes(1)));
        Assert.Multiple(() =>
        {
            Assert.That(certificate.CertificateId, Is.Not.Empty);
            Assert.That(gateway.Polls, Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(8) }));
        });
    }

    [Test]
    public async Task wait_clamps_the_requested_wait_between_half_a_second_and_thirty_seconds()
    {
        var time = Clock();
        var gateway = new ScriptedGateway(time, Pending(0), Pending(3600), Pending(null), Ready());
        using LucairnClient client = gateway.Client;
        await Drive(time, client.WaitForCertificateAsync("req_1", TimeSpan.FromMinutes(5)));
        Assert.That(gateway.Polls, Is.EqualTo(new[]
        {
            TimeSpan.Zero,
            TimeSpan.FromSeconds(0.5),           // 0 s asked: the minimum
            TimeSpan.FromSeconds(30.5),          // an hour asked: the maximum
            TimeSpan.FromSeconds(32.5),          // none named: the 2 s default
        }));
    }

    [Test]
    public async Task wait_throws_a_timeout_at_the_deadline_with_the_last_wait()
    {
        var time = Clock();
        var gateway = new ScriptedGateway(time, Pending(5));
        using LucairnClient client = gateway.Client;
        var error = await Expect.Throws<LucairnTimeoutException>(() => Drive(time, client.WaitForCertificateAsync("req_1", TimeSpan.FromSeconds(12))));
        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.Null);
            Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(error.Message, Does.StartWith("WaitForCertificateAsync failed").And.Contain("12s"));
            Assert.That(gateway.Polls, Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12) }), "the last poll is at the deadline, never after");
        });
    }

    [Test]
    public async Task wait_honours_cancellation_while_waiting()
    {
        var time = Clock();
        var gateway = new ScriptedGateway(time, Pending(20));
        using LucairnClient client = gateway.Client;
        using var cancel = new CancellationTokenSource();
        Task<VeilCertificate> call = client.WaitForCertificateAsync("req_1", TimeSpan.FromMinutes(5), cancellationToken: cancel.Token);
        for (int i = 0; i < 1000 && gateway.Polls.Count == 0; i++)
        {
            await Task.Delay(1);
        }

        await cancel.CancelAsync();
        await Assert.CatchAsync<OperationCanceledException>(async () => await call);
        Assert.That(gateway.Polls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task wait_surfaces_a_failed_poll_as_its_family_exception()
    {
        var time = Clock();
        var gateway = new ScriptedGateway(time, Pending(1), Status(HttpStatusCode.Forbidden, """{"error":{"code":"tier_insufficient","message":"Pro tier required"}}"""));
        using LucairnClient client = gateway.Client;
        var error = await Expect.Throws<LucairnForbiddenException>(() => Drive(time, client.WaitForCertificateAsync("req_1", TimeSpan.FromMinutes(1))));
        Assert.That(error.ErrorCode, Is.EqualTo("tier_insufficient"));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public async Task wait_rejects_a_non_positive_timeout_before_sending(int seconds)
    {
        var gateway = new ScriptedGateway(Clock(), Ready());
        using LucairnClient client = gateway.Client;
        var error = await Expect.Throws<LucairnValidationException>(() => client.WaitForCertificateAsync("req_1", TimeSpan.FromSeconds(seconds)));
        Assert.Multiple(() =>
        {
            Assert.That(error.ParamName, Is.EqualTo("timeout"));
            Assert.That(gateway.Polls, Is.Empty);
        });
    }
}
