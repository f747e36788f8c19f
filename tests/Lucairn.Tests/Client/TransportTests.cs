using System.Net;
using Lucairn;
using Lucairn.Tests.Support;
using Lucairn.Tests.Verification;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;
using TestSupport;

namespace Lucairn.Tests.Client;

/// <summary>Retries, timeouts, the body cap, hostile request ids and HttpClient ownership.</summary>
public class TransportTests
{
    private const string CertUrl = TestClients.BaseUrl + "/api/v1/veil/certificate/req_1";

    private static HttpResponseMessage Status(HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("""{"error":"busy"}""") };
        if (retryAfter is { } delay)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(delay);
        }

        return response;
    }

    /// <summary>Runs a call while moving the fake clock forward until it finishes.</summary>
    private static async Task<T> Drive<T>(FakeTimeProvider time, Task<T> call)
    {
        for (int i = 0; i < 2000 && !call.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        return await call;
    }

    [TestCase(HttpStatusCode.TooManyRequests)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task idempotent_get_retried_on_transient_status(HttpStatusCode status)
    {
        var time = new FakeTimeProvider();
        int calls = 0;
        var mock = new MockHttpMessageHandler();
        mock.When(CertUrl).Respond(_ => ++calls < 3 ? Status(status) : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(CertificateFixtures.Anchored) });
        using var client = TestClients.Create(mock, c => { c.MaxRetries = 2; c.TimeProvider = time; });
        VeilCertificate cert = await Drive(time, client.GetCertificateAsync("req_1"));
        Assert.Multiple(() =>
        {
            Assert.That(cert.ProtocolVersion, Is.EqualTo(2));
            Assert.That(calls, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task retries_give_up_after_max_retries_with_last_status()
    {
        var time = new FakeTimeProvider();
        var mock = new MockHttpMessageHandler();
        var request = mock.When(CertUrl).Respond(_ => Status(HttpStatusCode.ServiceUnavailable));
        using var client = TestClients.Create(mock, c => { c.MaxRetries = 2; c.TimeProvider = time; });
        var error = await Expect.Catch<LucairnApiException>(() => Drive(time, client.GetCertificateAsync("req_1")));
        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(503));
            Assert.That(mock.GetMatchCount(request), Is.EqualTo(3));
        });
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.NotFound)]
    [TestCase(HttpStatusCode.Forbidden)]
    [TestCase(HttpStatusCode.Accepted)]
    public async Task other_statuses_not_retried(HttpStatusCode status)
    {
        var mock = new MockHttpMessageHandler();
        var request = mock.When(CertUrl).Respond(_ => Status(status));
        using var client = TestClients.Create(mock, c => c.MaxRetries = 2);
        await Expect.Catch<LucairnApiException>(() => client.GetCertificateAsync("req_1"));
        Assert.That(mock.GetMatchCount(request), Is.EqualTo(1));
    }

    [Test]
    public async Task max_retries_zero_disables_retries()
    {
        var mock = new MockHttpMessageHandler();
        var request = mock.When(CertUrl).Respond(_ => Status(HttpStatusCode.ServiceUnavailable));
        using var client = TestClients.Create(mock, c => c.MaxRetries = 0);
        await Expect.Catch<LucairnApiException>(() => client.GetCertificateAsync("req_1"));
        Assert.That(mock.GetMatchCount(request), Is.EqualTo(1));
    }

    [Test]
    public async Task transport_errors_retried_then_surface_as_plain_lucairn_exception()
    {
        var time = new FakeTimeProvider();
        var mock = new MockHttpMessageHandler();
        var request = mock.When(CertUrl).Throw(new HttpRequestException("connection reset"));
        using var client = TestClients.Create(mock, c => { c.MaxRetries = 1; c.TimeProvider = time; });
        var error = await Expect.Catch<LucairnException>(() => Drive(time, client.GetCertificateAsync("req_1")));
        Assert.Multiple(() =>
        {
            Assert.That(mock.GetMatchCount(request), Is.EqualTo(2));
            Assert.That(error.InnerException, Is.TypeOf<HttpRequestException>(), "the cause is the BCL exception, never a Refit type");
        });
    }

    [Test]
    public async Task connection_broken_mid_body_is_a_retried_transport_failure()
    {
        var time = new FakeTimeProvider();
        int calls = 0;
        var mock = new MockHttpMessageHandler();
        mock.When(CertUrl).Respond(_ =>
        {
            Interlocked.Increment(ref calls);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BrokenStream()) };
        });
        using var client = TestClients.Create(mock, c => { c.MaxRetries = 1; c.TimeProvider = time; });
        var error = await Expect.Catch<LucairnException>(() => Drive(time, client.GetCertificateAsync("req_1")));
        Assert.Multiple(() =>
        {
            Assert.That(error.GetType(), Is.EqualTo(typeof(LucairnConnectionException)));
            Assert.That(error.InnerException, Is.InstanceOf<IOException>());
            Assert.That(calls, Is.EqualTo(2));
        });
    }

    private sealed class BrokenStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(new IOException("connection reset by peer"));

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("connection reset by peer");
    }

    [Test]
    public async Task retry_after_is_honoured()
    {
        var time = new FakeTimeProvider();
        int calls = 0;
        var mock = new MockHttpMessageHandler();
        mock.When(CertUrl).Respond(_ => Interlocked.Increment(ref calls) == 1
            ? Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(20))
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(CertificateFixtures.Anchored) });
        using var client = TestClients.Create(mock, c => { c.MaxRetries = 1; c.TimeProvider = time; });
        Task<VeilCertificate> call = client.GetCertificateAsync("req_1");
        await Eventually.True(() => Volatile.Read(ref calls) == 1, "first attempt sent");
        time.Advance(TimeSpan.FromSeconds(19));
        await Task.Delay(20);
        Assert.That(Volatile.Read(ref calls), Is.EqualTo(1), "no retry before Retry-After elapsed");
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.True(() => call.IsCompleted, "retry after 20 s");
        Assert.That((await call).ProtocolVersion, Is.EqualTo(2));
    }

    [Test]
    public async Task summary_and_audit_are_retried_too()
    {
        var time = new FakeTimeProvider();
        int calls = 0;
        var mock = new MockHttpMessageHandler();
        mock.When(CertUrl + "/summary").Respond(_ => ++calls == 1 ? Status(HttpStatusCode.BadGateway) : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<p/>") });
        using var client = TestClients.Create(mock, c => { c.MaxRetries = 1; c.TimeProvider = time; });
        Assert.That(await Drive(time, client.GetCertificateSummaryAsync("req_1")), Is.EqualTo("<p/>"));
        Assert.That(calls, Is.EqualTo(2));
    }

    [Test]
    public async Task caller_cancellation_is_not_a_timeout()
    {
        var hanging = new HangingHandler();
        using var client = new LucairnClient(TestClients.Config(), new HttpClient(hanging));
        using var cts = new CancellationTokenSource();
        Task<VeilCertificate> call = client.GetCertificateAsync("req_1", cancellationToken: cts.Token);
        await Eventually.True(() => hanging.Calls == 1, "request sent");
        await cts.CancelAsync();
        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task caller_owned_http_client_timeout_maps_to_lucairn_timeout()
    {
        using var http = new HttpClient(new HangingHandler()) { Timeout = TimeSpan.FromMilliseconds(50) };
        using var client = new LucairnClient(TestClients.Config(), http);
        var error = await Expect.Throws<LucairnTimeoutException>(() => client.GetCertificateAsync("req_1"));
        Assert.That(error.InnerException, Is.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task caller_owned_http_client_is_not_disposed()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond("text/html", "<p/>");
        using HttpClient http = mock.ToHttpClient();
        new LucairnClient(TestClients.Config(), http).Dispose();
        Assert.That(await http.GetStringAsync(new Uri("https://gateway.example.com/x")), Is.EqualTo("<p/>"));
    }

    [Test]
    public async Task disposed_client_rejects_calls()
    {
        var client = new LucairnClient(TestClients.Config());
        client.Dispose();
        await Expect.Throws<ObjectDisposedException>(() => client.GetCertificateSummaryAsync("req_1"));
    }

    [Test]
    public async Task base_url_path_prefix_is_kept()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect("https://gateway.example.com/prefix/api/v1/veil/certificate/req_1/summary").Respond("text/html", "<p/>");
        using var client = TestClients.Create(mock, c => c.BaseUrl = new Uri("https://gateway.example.com/prefix/"));
        await client.GetCertificateSummaryAsync("req_1");
        mock.VerifyNoOutstandingExpectation();
    }

    // Hostile input: the body cap.
    [Test]
    public async Task fifty_megabyte_body_stops_at_the_cap()
    {
        var content = new CountingContent(50L * 1024 * 1024);
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        using var client = TestClients.Create(mock, c => c.MaxResponseBytes = 1024 * 1024);
        var error = await Expect.Throws<LucairnResponseValidationException>(() => client.GetCertificateSummaryAsync("req_1"));
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("response body exceeded max_response_bytes cap of 1048576"));
            Assert.That(((string)error.Body!).Length, Is.EqualTo(1024 * 1024));
            Assert.That(content.Served, Is.LessThan(2L * 1024 * 1024), "the client stopped reading shortly after the cap");
        });
    }

    [Test]
    public async Task cut_multibyte_character_at_cap_becomes_replacement_character()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.InternalServerError, "text/plain", "ab\u00e9cd");
        using var client = TestClients.Create(mock, c => c.MaxResponseBytes = 3);
        var error = await Expect.Catch<LucairnApiException>(() => client.GetCertificateSummaryAsync("req_1"));
        Assert.That(error.ResponseBody, Is.EqualTo("ab\uFFFD"));
    }

    [Test]
    public async Task certificate_nested_ten_thousand_levels_is_a_validation_error_not_a_crash()
    {
        string deep = "{\"certificate_id\":\"c\",\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond("application/json", deep);
        using var client = TestClients.Create(mock);
        var error = await Expect.Throws<LucairnResponseValidationException>(() => client.GetCertificateAsync("req_1"));
        Assert.That(error.Message, Does.Contain("VeilCertificate"));
    }

    [Test]
    public async Task twenty_megabyte_certificate_stops_at_the_default_cap()
    {
        string huge = "{\"certificate_id\":\"" + new string('a', 20 * 1024 * 1024) + "\"}";
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond("application/json", huge);
        using var client = new LucairnClient(new LucairnClientOptions { ApiKey = TestClients.LegacyKey, MaxRetries = 0 }, mock.ToHttpClient());
        var error = await Expect.Throws<LucairnResponseValidationException>(() => client.GetCertificateAsync("req_1"));
        Assert.That(error.Message, Is.EqualTo("response body exceeded max_response_bytes cap of 10485760"));
    }

    [Test]
    public async Task duplicate_keys_make_a_certificate_body_unusable()
    {
        string duplicated = CertificateFixtures.Anchored.TrimEnd().TrimEnd('}') + ",\"certificate_id\":\"other\"}";
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond("application/json", duplicated);
        using var client = TestClients.Create(mock);
        Assert.That(() => Newtonsoft.Json.Linq.JObject.Parse(duplicated), Throws.Nothing, "valid JSON apart from the duplicate");
        var error = await Expect.Throws<LucairnResponseValidationException>(() => client.GetCertificateAsync("req_1"));
        Assert.That(error.Body, Is.TypeOf<string>());
    }

    // Hostile input: request ids never escape the path segment.
    [TestCase("../../admin", "..%2F..%2Fadmin")]
    [TestCase("a/b", "a%2Fb")]
    [TestCase("a?b=c", "a%3Fb%3Dc")]
    [TestCase("a#frag", "a%23frag")]
    [TestCase("a b", "a%20b")]
    [TestCase("%2e%2e", "%252e%252e")]
    [TestCase("\u00e9\U0001F984", "%C3%A9%F0%9F%A6%84")]
    [TestCase("a\\b", "a%5Cb")]
    [TestCase("..;", "..%3B")]
    public async Task request_ids_are_escaped_into_one_segment(string requestId, string expectedSegment)
    {
        var paths = new List<string>();
        var mock = new MockHttpMessageHandler();
        mock.When("*").With(r =>
        {
            paths.Add(r.RequestUri!.AbsolutePath);
            return true;
        }).Respond("application/json", CertificateFixtures.Anchored);
        using var client = TestClients.Create(mock);
        await client.GetCertificateAsync(requestId);
        await client.GetCertificateSummaryAsync(requestId);
        Assert.That(paths, Is.EqualTo(new[]
        {
            "/api/v1/veil/certificate/" + expectedSegment,
            "/api/v1/veil/certificate/" + expectedSegment + "/summary",
        }));
    }

    [TestCase("", "empty")]
    [TestCase(".", "dot segment")]
    [TestCase("..", "dot segment")]
    [TestCase("a\nb", "control character")]
    [TestCase("a\u0000b", "control character")]
    [TestCase("lone-high", "unpaired surrogate")]
    [TestCase("lone-low", "unpaired surrogate")]
    public async Task unsafe_request_ids_are_rejected_before_sending(string requestId, string what)
    {
        // Lone surrogates cannot travel through attribute arguments intact; build them here.
        requestId = requestId switch
        {
            "lone-high" => "a" + (char)0xD800 + "b",
            "lone-low" => "a" + (char)0xDC00,
            _ => requestId,
        };
        var mock = new MockHttpMessageHandler();
        var any = mock.When("*").Respond("text/html", "<p/>");
        using var client = TestClients.Create(mock);
        var error = await Expect.Throws<LucairnValidationException>(() => client.GetCertificateAsync(requestId));
        await Expect.Throws<LucairnValidationException>(() => client.GetCertificateSummaryAsync(requestId));
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("request_id"), what);
            Assert.That(mock.GetMatchCount(any), Is.Zero);
        });
    }

    [TestCase("bad name", "v", "header name")]
    [TestCase("x-ok", "v\r\nx-api-key: stolen", "CR, LF")]
    [TestCase("x-ok", "stolen\u00e9", "printable ASCII")]
    [TestCase("x-ok", "stolen\u0001", "printable ASCII")]
    public async Task unsafe_headers_rejected(string name, string value, string message)
    {
        using var client = TestClients.Create(new MockHttpMessageHandler());
        var options = new LucairnRequestOptions { Headers = { [name] = value } };
        var error = await Expect.Throws<LucairnValidationException>(() => client.GetCertificateSummaryAsync("req_1", options));
        Assert.That(error.Message, Does.Contain(message).And.Not.Contain("stolen"));
    }

    [Test]
    public async Task unsendable_audit_type_and_prompt_text_rejected_before_sending()
    {
        var mock = new MockHttpMessageHandler();
        var any = mock.When("*").Respond("application/json", "{}");
        using var client = TestClients.Create(mock);
        string lone = "x" + (char)0xDC00;
        var type = await Expect.Throws<LucairnValidationException>(() => client.ListAuditEventsAsync(new AuditExportOptions { Type = lone }));
        var control = await Expect.Throws<LucairnValidationException>(() => client.ListAuditEventsAsync(new AuditExportOptions { Type = "a\nb" }));
        var prompt = await Expect.Throws<LucairnValidationException>(() => client.SendMessagesAsync(new ProxyMessagesRequest { PromptTemplate = lone }));
        var context = await Expect.Throws<LucairnValidationException>(() => client.SendMessagesAsync(new ProxyMessagesRequest
        {
            PromptTemplate = "p",
            Context = new Dictionary<string, string> { ["k"] = lone },
        }));
        Assert.Multiple(() =>
        {
            Assert.That(type.Message, Does.Contain("type").And.Contain("surrogate"));
            Assert.That(control.Message, Does.Contain("control character"));
            Assert.That(prompt.Message, Does.Contain("prompt_template"));
            Assert.That(context.Message, Does.StartWith("request.Context").And.Contain("['k']"));
            Assert.That(mock.GetMatchCount(any), Is.Zero);
        });
    }

    [Test]
    public async Task api_key_sent_on_get_without_a_body_or_authorization_header()
    {
        // .NET cannot send a content header without content, so a GET carries x-api-key but no
        // content-type (httpx sends content-type on bodiless GETs; the gateway ignores it).
        var mock = new MockHttpMessageHandler();
        mock.Expect(CertUrl + "/summary")
            .WithHeaders("x-api-key", TestClients.LegacyKey)
            .With(r => (r.Content is null || r.Content.Headers.ContentLength == 0) && !r.Headers.Contains("Authorization"))
            .Respond("text/html", "<p/>");
        using var client = TestClients.Create(mock);
        await client.GetCertificateSummaryAsync("req_1");
        mock.VerifyNoOutstandingExpectation();
    }
}
