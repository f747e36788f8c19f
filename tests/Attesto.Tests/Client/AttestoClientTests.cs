using System.Net;
using System.Net.Http.Headers;
using Attesto.Http;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Attesto.Tests.Client;

public class AttestoClientTests
{
    private const string EventsUrl = "https://verify.attesto.eu/v1/sdk/events";
    private const string BatchUrl = "https://verify.attesto.eu/v1/sdk/events/batch";
    private const string Ack = """{"id":"evt_1","system_id":"sys_1","ts":"2026-06-07T12:00:00.000000+00:00"}""";

    private static JObject Body(ClientHarness.Captured captured) =>
        (JObject)Shared.Crypto.CanonicalJson.Parse(captured.Body, AttestoCanonicalJson.Options);

    [Test]
    public async Task Log_event_sends_the_sdk_headers_and_the_wire_body()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json(HttpStatusCode.OK, Ack));

        EventAck ack = await h.Client.LogEventAsync(
            "inference",
            status: "verified",
            ts: new DateTimeOffset(2026, 6, 7, 12, 0, 0, 123, TimeSpan.Zero).AddTicks(4560),
            latencyMs: 42,
            inputHash: "sha256:deadbeef",
            outputHash: "sha256:cafebabe",
            payload: new { score_bp = 8700, model = "gpt-4o" });

        Assert.That(ack.Id, Is.EqualTo("evt_1"));
        Assert.That(ack.SystemId, Is.EqualTo("sys_1"));
        Assert.That(ack.Ts, Is.EqualTo("2026-06-07T12:00:00.000000+00:00"));
        ClientHarness.Captured sent = h.Requests.Single();
        Assert.That(sent.Header("Authorization"), Is.EqualTo("Bearer " + ClientHarness.Key));
        Assert.That(sent.Header("X-Attesto-Sdk"), Does.Match(@"^attesto-dotnet/\d+\.\d+\.\d+"));
        Assert.That(sent.Header("X-Attesto-Protocol"), Is.EqualTo("ATTESTO-PROOFSTREAM-001/0.1-alpha"));
        Assert.That(sent.Header("User-Agent"), Is.EqualTo(AttestoProtocol.SdkIdentifier));
        Assert.That(Guid.TryParse(sent.Header("Idempotency-Key"), out Guid key), Is.True);
        Assert.That(key.Version, Is.EqualTo(4));
        JObject body = Body(sent);
        Assert.That(body.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(
            """{"type":"inference","ts":"2026-06-07T12:00:00.123456+00:00","status":"verified","latency_ms":42,"input_hash":"sha256:deadbeef","output_hash":"sha256:cafebabe","payload":{"score_bp":8700,"model":"gpt-4o"}}"""));
    }

    [Test]
    public async Task Default_ts_is_now_in_utc_from_the_time_provider()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json(HttpStatusCode.OK, Ack));
        await h.Client.LogEventAsync("inference");
        Assert.That((string?)Body(h.Requests.Single())["ts"], Is.EqualTo("2026-06-07T12:00:00.000000+00:00"));
    }

    [Test]
    public async Task Unspecified_kind_datetime_is_rejected_before_sending()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json(HttpStatusCode.OK, Ack));
        var ex = await Assert.ThrowsAsync<AttestoValidationException>(() => h.Client.LogEventAsync("inference", ts: new DateTime(2026, 6, 7, 12, 0, 0, DateTimeKind.Unspecified)));
        Assert.That(ex!.Message, Does.Contain("timezone-aware"));
        Assert.That(h.Requests, Is.Empty);
    }

    [Test]
    public async Task Utc_datetime_is_accepted()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json(HttpStatusCode.OK, Ack));
        await h.Client.LogEventAsync("inference", ts: new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        Assert.That((string?)Body(h.Requests.Single())["ts"], Is.EqualTo("2026-01-02T03:04:05.000000+00:00"));
    }

    [Test]
    public async Task Unsafe_payload_number_fails_locally_with_its_path()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json(HttpStatusCode.OK, Ack));
        var ex = await Assert.ThrowsAsync<AttestoUnsafeNumberException>(() => h.Client.LogEventAsync("inference", payload: new { score = 0.87, model = "gpt-4o" }));
        Assert.That(ex!.Path, Is.EqualTo("$.score"));
        Assert.That(ex.Message, Does.Contain("payload"));
        var meta = await Assert.ThrowsAsync<AttestoUnsafeNumberException>(() => h.Client.LogEventAsync("inference", metadata: new Dictionary<string, object> { ["big"] = 9007199254740992L }));
        Assert.That(meta!.Path, Is.EqualTo("$.big"));
        Assert.That(h.Requests, Is.Empty);
    }

    [Test]
    public async Task Preflight_false_defers_the_number_policy_to_the_server()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json(HttpStatusCode.UnprocessableEntity, """{"detail":"payload.score: non-integer number"}"""));
        var ex = await Assert.ThrowsAsync<AttestoBadRequestException>(() => h.Client.LogEventAsync("inference", payload: new { score = 0.87m }, preflight: false));
        Assert.That(ex!.Status, Is.EqualTo(422));
        Assert.That(ex.Message, Does.EndWith(": payload.score: non-integer number"));
        Assert.That((string?)ex.ResponseJson!["detail"], Is.EqualTo("payload.score: non-integer number"));
        Assert.That((string?)Body(h.Requests.Single())["payload"]!["score"]!.ToString(), Is.EqualTo("0.87"));
    }

    [Test]
    public async Task Idempotency_key_is_stable_across_retries_and_a_new_call_gets_a_new_key()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl,
            ClientHarness.Json(HttpStatusCode.ServiceUnavailable, "{}"),
            ClientHarness.Json(HttpStatusCode.BadGateway, "{}"),
            ClientHarness.Json(HttpStatusCode.OK, Ack));
        await h.Run(h.Client.LogEventAsync("inference"));
        string[] keys = h.Requests.Select(r => r.Header("Idempotency-Key")!).ToArray();
        Assert.That(keys, Has.Length.EqualTo(3));
        Assert.That(keys.Distinct().Count(), Is.EqualTo(1));

        await h.Run(h.Client.LogEventAsync("inference"));
        Assert.That(h.Requests.Last().Header("Idempotency-Key"), Is.Not.EqualTo(keys[0]));
    }

    [Test]
    public async Task Caller_supplied_idempotency_key_is_sent_unchanged_on_every_attempt()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json(HttpStatusCode.InternalServerError, "{}"), ClientHarness.Json(HttpStatusCode.OK, Ack));
        await h.Run(h.Client.LogEventAsync("inference", idempotencyKey: "order-42"));
        Assert.That(h.Requests.Select(r => r.Header("Idempotency-Key")), Is.EqualTo(new[] { "order-42", "order-42" }));
        await Assert.ThrowsAsync<AttestoValidationException>(() => h.Client.LogEventAsync("inference", idempotencyKey: "has space"));
    }

    [TestCase(0, 1)]
    [TestCase(1, 2)]
    [TestCase(3, 4)]
    public async Task Server_errors_are_retried_max_retries_times_then_raise(int maxRetries, int attempts)
    {
        using var h = new ClientHarness(maxRetries);
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json(HttpStatusCode.ServiceUnavailable, """{"detail":"down for maintenance"}"""));
        var ex = await Assert.ThrowsAsync<AttestoServerException>(() => h.Run(h.Client.LogEventAsync("inference")));
        Assert.That(ex!.Status, Is.EqualTo(503));
        Assert.That(ex.Message, Is.EqualTo("POST /v1/sdk/events failed with HTTP 503: down for maintenance"));
        Assert.That(h.Requests, Has.Count.EqualTo(attempts));
    }

    [Test]
    public async Task Retry_after_is_honoured_on_the_fake_clock()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl,
            ClientHarness.Json(HttpStatusCode.TooManyRequests, "{}", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5))),
            ClientHarness.Json(HttpStatusCode.OK, Ack));
        Task<EventAck> call = h.Client.LogEventAsync("inference");
        await h.WaitForRequests(1);
        Assert.That(await h.WaitForRetryDelay(), Is.EqualTo(TimeSpan.FromSeconds(5)));
        h.Time.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(50);
        Assert.That(h.Requests, Has.Count.EqualTo(1), "no retry before Retry-After elapsed");
        h.Time.Advance(TimeSpan.FromSeconds(0.2));
        await h.WaitForRequests(2);
        Assert.That((await call).Id, Is.EqualTo("evt_1"));
    }

    [Test]
    public async Task Retry_after_is_capped_at_30_seconds()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl,
            ClientHarness.Json(HttpStatusCode.TooManyRequests, "{}", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1))),
            ClientHarness.Json(HttpStatusCode.OK, Ack));
        Task<EventAck> call = h.Client.LogEventAsync("inference");
        await h.WaitForRequests(1);
        Assert.That(await h.WaitForRetryDelay(), Is.EqualTo(TimeSpan.FromSeconds(30)));
        h.Time.Advance(TimeSpan.FromSeconds(30));
        await h.WaitForRequests(2);
        await call;
    }

    [Test]
    public async Task Exponential_backoff_stays_within_the_jitter_cap()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl,
            ClientHarness.Json(HttpStatusCode.InternalServerError, "{}"),
            ClientHarness.Json(HttpStatusCode.InternalServerError, "{}"),
            ClientHarness.Json(HttpStatusCode.InternalServerError, "{}"),
            ClientHarness.Json(HttpStatusCode.OK, Ack));
        Task<EventAck> call = h.Client.LogEventAsync("inference");
        double[] caps = [0.5, 1, 2];
        for (int retry = 0; retry < caps.Length; retry++)
        {
            await h.WaitForRequests(retry + 1);
            TimeSpan delay = await h.WaitForRetryDelay();
            Assert.That(delay, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(caps[retry])), $"retry {retry + 1} delay");
            h.Time.Advance(delay);
            await h.WaitForRequests(retry + 2);
        }

        await call;
        Assert.That(h.Requests, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task Rate_limit_after_all_retries_raises_with_retry_after()
    {
        using var h = new ClientHarness(maxRetries: 1);
        h.Answer(HttpMethod.Post, EventsUrl,
            ClientHarness.Json(HttpStatusCode.TooManyRequests, """{"detail":"slow down"}""", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2))));
        var ex = await Assert.ThrowsAsync<AttestoRateLimitException>(() => h.Run(h.Client.LogEventAsync("inference")));
        Assert.That(ex!.Status, Is.EqualTo(429));
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(h.Requests, Has.Count.EqualTo(2));
    }

    [TestCase(400, typeof(AttestoBadRequestException))]
    [TestCase(401, typeof(AttestoAuthenticationException))]
    [TestCase(403, typeof(AttestoForbiddenException))]
    [TestCase(404, typeof(AttestoNotFoundException))]
    [TestCase(409, typeof(AttestoApiException))]
    [TestCase(422, typeof(AttestoBadRequestException))]
    [TestCase(426, typeof(AttestoProtocolMismatchException))]
    [TestCase(429, typeof(AttestoRateLimitException))]
    [TestCase(500, typeof(AttestoServerException))]
    [TestCase(502, typeof(AttestoServerException))]
    [TestCase(503, typeof(AttestoServerException))]
    public async Task Every_status_maps_to_its_exception(int status, Type expected)
    {
        using var h = new ClientHarness(maxRetries: 0);
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json((HttpStatusCode)status, """{"detail":"what went wrong"}"""));
        var ex = await Assert.CatchAsync<AttestoApiException>(() => h.Client.LogEventAsync("inference"));
        Assert.That(ex, Is.TypeOf(expected));
        Assert.That(ex!.Status, Is.EqualTo(status));
        Assert.That(ex.Message, Does.EndWith(": what went wrong"));
        Assert.That(ex.ResponseBody, Is.EqualTo("""{"detail":"what went wrong"}"""));
        Assert.That(ex.Message, Does.Contain("POST /v1/sdk/events").And.Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Api_errors_carry_code_request_id_retry_after_and_a_json_copy()
    {
        using var h = new ClientHarness(maxRetries: 0);
        h.Answer(HttpMethod.Get, "https://verify.attesto.eu/v1/events/evt_9/proof", ClientHarness.Json(HttpStatusCode.NotFound, """{"error":{"code":"event_not_found","message":"no event evt_9"}}""", r =>
        {
            r.Headers.Add("x-request-id", "req_123");
            r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
        }));
        var ex = await Assert.ThrowsAsync<AttestoNotFoundException>(() => h.Client.GetEventProofAsync("evt_9"));
        Assert.That((ex!.Status, ex.ErrorCode, ex.RequestId, ex.RetryAfter), Is.EqualTo(((int?)404, "event_not_found", "req_123", (TimeSpan?)TimeSpan.FromSeconds(3))));
        Assert.That(ex.Message, Is.EqualTo("GET /v1/events/evt_9/proof failed with HTTP 404 (event_not_found): no event evt_9"));
        ex.ResponseJson!["error"]!["code"] = "changed";
        Assert.That((string?)ex.ResponseJson!["error"]!["code"], Is.EqualTo("event_not_found"), "callers get a copy");
    }

    [Test]
    public async Task Protocol_mismatch_carries_the_servers_fields()
    {
        using var h = new ClientHarness(maxRetries: 0);
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json((HttpStatusCode)426,
            """{"error":"protocol mismatch","supported":"ATTESTO-PROOFSTREAM-001/1.x","received":"ATTESTO-PROOFSTREAM-001/0.1-alpha","hint":"upgrade the SDK"}"""));
        var ex = await Assert.ThrowsAsync<AttestoProtocolMismatchException>(() => h.Client.LogEventAsync("inference"));
        Assert.That(ex!.Supported, Is.EqualTo("ATTESTO-PROOFSTREAM-001/1.x"));
        Assert.That(ex.Received, Is.EqualTo("ATTESTO-PROOFSTREAM-001/0.1-alpha"));
        Assert.That(ex.Hint, Is.EqualTo("upgrade the SDK"));
        Assert.That(ex.ErrorCode, Is.EqualTo("protocol mismatch"));
        Assert.That(ex, Is.InstanceOf<AttestoBadRequestException>());
    }

    [Test]
    public async Task Plain_text_error_body_becomes_the_message_and_has_no_json()
    {
        using var h = new ClientHarness(maxRetries: 0);
        h.Answer(HttpMethod.Post, EventsUrl, () => new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("bad things") });
        var ex = await Assert.ThrowsAsync<AttestoBadRequestException>(() => h.Client.LogEventAsync("inference"));
        Assert.That(ex!.Message, Is.EqualTo("POST /v1/sdk/events failed with HTTP 400: bad things"));
        Assert.That(ex.ResponseBody, Is.EqualTo("bad things"));
        Assert.That(ex.ResponseJson, Is.Null);
        Assert.That(ex.ErrorCode, Is.Null);
    }

    [Test]
    public async Task An_echoed_api_key_is_redacted_from_detail_and_message()
    {
        using var h = new ClientHarness(maxRetries: 0);
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json(HttpStatusCode.Unauthorized, $$"""{"detail":"key {{ClientHarness.Key}} revoked"}"""));
        var ex = await Assert.ThrowsAsync<AttestoAuthenticationException>(() => h.Client.LogEventAsync("inference"));
        Assert.That(ex!.ResponseBody, Does.Not.Contain(ClientHarness.Key).And.Contain("[redacted]"));
        Assert.That(ex.ResponseJson!.ToString(), Does.Not.Contain(ClientHarness.Key));
        Assert.That(ex.Message, Does.Not.Contain(ClientHarness.Key));
    }

    [Test]
    public async Task Transport_errors_are_retried_then_raise_with_null_status()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        int attempts = 0;
        using var http = new HttpClient(new StubHandler((req, ct) =>
        {
            Interlocked.Increment(ref attempts);
            throw new HttpRequestException("connection refused");
        }));
        using var client = new AttestoClient(new AttestoClientOptions(ClientHarness.Key) { TimeProvider = time, MaxRetries = 2 }, http);
        Task<EventAck> call = client.LogEventAsync("inference");
        for (int i = 0; i < 2000 && !call.IsCompleted; i++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        var ex = await Assert.ThrowsAsync<AttestoConnectionException>(() => call);
        Assert.That(ex!.Status, Is.Null);
        Assert.That(ex.ResponseBody, Is.Null);
        Assert.That(ex.InnerException, Is.InstanceOf<HttpRequestException>());
        Assert.That(ex.Message, Does.Contain("could not be reached"));
        Assert.That(attempts, Is.EqualTo(3));
    }

    [Test]
    public async Task A_caller_owned_client_timeout_is_a_retryable_transport_failure()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        int attempts = 0;
        using var http = new HttpClient(new StubHandler((req, ct) =>
            Interlocked.Increment(ref attempts) == 1
                ? throw new TaskCanceledException("HttpClient.Timeout elapsed", new TimeoutException())
                : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Ack) })));
        using var client = new AttestoClient(new AttestoClientOptions(ClientHarness.Key) { TimeProvider = time, MaxRetries = 1 }, http);
        Task<EventAck> call = client.LogEventAsync("inference");
        for (int i = 0; i < 2000 && !call.IsCompleted; i++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        Assert.That((await call).Id, Is.EqualTo("evt_1"));
        Assert.That(attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task Custom_user_agent_is_sent()
    {
        using var mock = new MockHttpMessageHandler();
        string? agent = null;
        mock.When(HttpMethod.Post, EventsUrl).Respond(req =>
        {
            agent = string.Join(" ", req.Headers.UserAgent.Select(u => u.ToString()));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Ack) };
        });
        using HttpClient http = mock.ToHttpClient();
        using var client = new AttestoClient(new AttestoClientOptions(ClientHarness.Key) { UserAgent = "my-app/2.1" }, http);
        await client.LogEventAsync("inference");
        Assert.That(agent, Is.EqualTo("my-app/2.1"));
    }

    [Test]
    public async Task Retry_after_as_an_http_date_is_honoured()
    {
        using var h = new ClientHarness();
        DateTimeOffset retryAt = h.Time.GetUtcNow().AddSeconds(3);
        h.Answer(HttpMethod.Post, EventsUrl,
            ClientHarness.Json(HttpStatusCode.ServiceUnavailable, "{}", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(retryAt)),
            ClientHarness.Json(HttpStatusCode.OK, Ack));
        Task<EventAck> call = h.Client.LogEventAsync("inference");
        await h.WaitForRequests(1);
        Assert.That(await h.WaitForRetryDelay(), Is.EqualTo(TimeSpan.FromSeconds(3)).Within(TimeSpan.FromMilliseconds(1)));
        h.Time.Advance(TimeSpan.FromSeconds(2.5));
        await Task.Delay(50);
        Assert.That(h.Requests, Has.Count.EqualTo(1));
        h.Time.Advance(TimeSpan.FromSeconds(0.6));
        await h.WaitForRequests(2);
        await call;
    }

    [Test]
    public async Task An_oversized_response_is_refused()
    {
        using var h = new ClientHarness(maxRetries: 0);
        h.Answer(HttpMethod.Post, EventsUrl, () => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(new byte[AttestoHttpHandler.MaxResponseBytes + 1]),
        });
        var ex = await Assert.ThrowsAsync<AttestoException>(() => h.Client.LogEventAsync("inference"));
        Assert.That(ex!.Message, Does.Contain("larger than"));
    }

    [Test]
    public async Task Caller_cancellation_surfaces_as_cancellation()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json(HttpStatusCode.OK, Ack));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        Assert.That(async () => await h.Client.LogEventAsync("inference", cancellationToken: cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Transport_error_then_success_returns_the_answer()
    {
        using var h = new ClientHarness();
        int attempt = 0;
        h.Mock.When(HttpMethod.Post, EventsUrl).Respond(req =>
        {
            h.Requests.Enqueue(ClientHarness.Captured.From(req));
            return ++attempt == 1 ? throw new HttpRequestException("reset") : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Ack) };
        });
        EventAck ack = await h.Run(h.Client.LogEventAsync("inference"));
        Assert.That(ack.Id, Is.EqualTo("evt_1"));
        Assert.That(h.Requests.Select(r => r.Header("Idempotency-Key")).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task An_attempt_that_exceeds_the_timeout_is_retried()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        int attempts = 0;
        using var http = new HttpClient(new StubHandler(async (req, ct) =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Ack) };
        }));
        using var client = new AttestoClient(new AttestoClientOptions(ClientHarness.Key) { TimeProvider = time, MaxRetries = 1 }, http);
        Task<EventAck> call = client.LogEventAsync("inference");
        for (int i = 0; i < 2000 && Volatile.Read(ref attempts) < 1; i++)
        {
            await Task.Delay(1);
        }

        time.Advance(TimeSpan.FromSeconds(10));
        for (int i = 0; i < 2000 && !call.IsCompleted; i++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromMilliseconds(250));
        }

        Assert.That((await call).Id, Is.EqualTo("evt_1"));
        Assert.That(attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task Every_attempt_timing_out_raises_a_timeout_with_null_status()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var http = new HttpClient(new StubHandler(async (req, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }));
        using var client = new AttestoClient(new AttestoClientOptions(ClientHarness.Key) { TimeProvider = time, MaxRetries = 0 }, http);
        Task<EventAck> call = client.LogEventAsync("inference");
        for (int i = 0; i < 2000 && !call.IsCompleted; i++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var ex = await Assert.ThrowsAsync<AttestoTimeoutException>(() => call);
        Assert.That(ex!.Message, Does.Contain("timed out"));
        Assert.That(ex.Status, Is.Null);
    }

    [Test]
    public async Task Batch_of_1000_is_sent_in_one_request()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, BatchUrl, ClientHarness.Json(HttpStatusCode.OK, """{"accepted":1000}"""));
        var events = Enumerable.Range(0, AttestoClient.MaxBatchSize).Select(i => new AttestoEvent("inference") { LatencyMs = i });
        EventBatchAck ack = await h.Client.LogEventsAsync(events);
        Assert.That(ack.Accepted, Is.EqualTo(1000));
        JObject body = Body(h.Requests.Single());
        Assert.That(((JArray)body["events"]!).Count, Is.EqualTo(1000));
        Assert.That(h.Requests.Single().Header("Idempotency-Key"), Is.Not.Null);
    }

    [Test]
    public async Task Batch_of_1001_fails_before_sending()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, BatchUrl, ClientHarness.Json(HttpStatusCode.OK, """{"accepted":1001}"""));
        var events = Enumerable.Range(0, AttestoClient.MaxBatchSize + 1).Select(_ => new AttestoEvent("inference"));
        var ex = await Assert.ThrowsAsync<AttestoValidationException>(() => h.Client.LogEventsAsync(events));
        Assert.That(ex!.Message, Does.Contain("1000").And.Contain("1001"));
        Assert.That(h.Requests, Is.Empty);
    }

    [Test]
    public async Task Batch_with_one_bad_event_sends_nothing()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, BatchUrl, ClientHarness.Json(HttpStatusCode.OK, """{"accepted":2}"""));
        var ex = await Assert.ThrowsAsync<AttestoUnsafeNumberException>(() => h.Client.LogEventsAsync(
        [
            new AttestoEvent("inference") { Payload = new { ok = 1 } },
            new AttestoEvent("decision") { Payload = new { threshold = 0.7 } },
        ]));
        Assert.That(ex!.Path, Is.EqualTo("$.threshold"));
        Assert.That(ex.Message, Does.Contain("events[1].payload"));
        await Assert.ThrowsAsync<AttestoValidationException>(() => h.Client.LogEventsAsync([]));
        await Assert.ThrowsAsync<AttestoValidationException>(() => h.Client.LogEventsAsync([new AttestoEvent("x") { LatencyMs = -1 }]));
        Assert.That(h.Requests, Is.Empty);
    }

    [Test]
    public async Task Batch_answer_as_a_list_of_acks_is_read()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, BatchUrl, ClientHarness.Json(HttpStatusCode.OK, $"[{Ack},{Ack}]"));
        EventBatchAck ack = await h.Client.LogEventsAsync([new AttestoEvent("a"), new AttestoEvent("b")]);
        Assert.That(ack.Accepted, Is.EqualTo(2));
        Assert.That(ack.Events.Select(e => e.Id), Is.EqualTo(new[] { "evt_1", "evt_1" }));
    }

    [Test]
    public async Task Event_proof_and_public_verify_round_trip_without_credentials_on_verify()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Get, "https://verify.attesto.eu/v1/events/evt_1/proof",
            ClientHarness.Json(HttpStatusCode.OK, """{"canonicalJson":"{\"a\":1}","proof":[{"hash":"ab","position":"left"}],"batchId":"b_1"}"""));
        h.Answer(HttpMethod.Post, "https://verify.attesto.eu/v1/public/verify", ClientHarness.Json(HttpStatusCode.OK, """{"valid":true,"batchId":"b_1"}"""));
        EventProof proof = await h.Client.GetEventProofAsync("evt_1");
        Assert.That(proof.BatchId, Is.EqualTo("b_1"));
        Assert.That(proof.CanonicalJson, Is.EqualTo("""{"a":1}"""));
        PublicVerifyResult result = await h.Client.VerifyPublicAsync(proof);
        Assert.That(result.Ok, Is.True);
        ClientHarness.Captured[] sent = h.Requests.ToArray();
        Assert.That(sent[0].Header("Authorization"), Is.EqualTo("Bearer " + ClientHarness.Key));
        Assert.That(sent[0].Header("Idempotency-Key"), Is.Null, "reads carry no idempotency key");
        Assert.That(sent[1].Header("Authorization"), Is.Null, "the public verifier gets no credentials");
        Assert.That(Body(sent[1])["batchId"]!.ToString(), Is.EqualTo("b_1"));
        await Assert.ThrowsAsync<AttestoValidationException>(() => h.Client.GetEventProofAsync(" "));
        await Assert.ThrowsAsync<AttestoValidationException>(() => h.Client.VerifyPublicAsync(new EventProof()));
    }

    [Test]
    public async Task Unreadable_success_body_raises_an_attesto_exception()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json(HttpStatusCode.OK, "not json"));
        var ex = await Assert.CatchAsync<AttestoException>(() => h.Client.LogEventAsync("inference"));
        Assert.That(ex!.Message, Does.Contain("log_event"));
    }

    [Test]
    public async Task Base_url_path_prefix_is_kept()
    {
        using var h = new ClientHarness(baseUrl: "https://staging.example/attesto/");
        h.Answer(HttpMethod.Post, "https://staging.example/attesto/v1/sdk/events", ClientHarness.Json(HttpStatusCode.OK, Ack));
        await h.Client.LogEventAsync("inference");
        Assert.That(h.Requests.Single().Path, Is.EqualTo("/attesto/v1/sdk/events"));
    }

    [Test]
    public async Task Caller_owned_http_client_is_not_disposed()
    {
        var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json(HttpStatusCode.OK, Ack));
        h.Client.Dispose();
        var direct = await h.HttpClient.PostAsync(EventsUrl, new StringContent("{}"));
        Assert.That(direct.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        h.Dispose();
    }
}
