using System.Net;
using System.Net.Http.Headers;
using Newtonsoft.Json.Linq;

namespace Nomyo.Tests;

/// <summary>The family error contract: each status maps to its subclass, carrying Status, ErrorCode, RequestId, RetryAfter and the body.</summary>
public class ErrorMappingTests
{
    private const string Operation = "POST /v1/chat/secure_completion";

    [TestCase(400, typeof(NomyoBadRequestException))]
    [TestCase(422, typeof(NomyoBadRequestException))]
    [TestCase(401, typeof(NomyoAuthenticationException))]
    [TestCase(403, typeof(NomyoForbiddenException))]
    [TestCase(404, typeof(NomyoNotFoundException))]
    [TestCase(429, typeof(NomyoRateLimitException))]
    [TestCase(500, typeof(NomyoServerException))]
    [TestCase(502, typeof(NomyoServerException))]
    [TestCase(503, typeof(NomyoServiceUnavailableException))]
    [TestCase(504, typeof(NomyoServerException))]
    [TestCase(409, typeof(NomyoApiException))]
    [TestCase(418, typeof(NomyoApiException))]
    public async Task Each_status_maps_to_its_family_exception_with_code_and_message(int status, Type expected)
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator, o => o.MaxRetries = 0);
        emulator.FailNext(status, errorCode: "tier_insufficient");

        var ex = (await Assert.ThrowsAsync(Is.TypeOf(expected), () => client.CreateAsync("m", Harness.Hello()))) as NomyoApiException;

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Status, Is.EqualTo(status));
            Assert.That(ex.ErrorCode, Is.EqualTo("tier_insufficient"));
            Assert.That(ex.Message, Is.EqualTo($"{Operation} failed with HTTP {status} (tier_insufficient): Injected failure {status}"));
            Assert.That((string?)ex.ResponseJson!["detail"]!["code"], Is.EqualTo("tier_insufficient"));
            Assert.That(ex.ResponseBody, Does.Contain("Injected failure"));
        });
    }

    [Test]
    public async Task A_plain_detail_is_the_message_and_there_is_no_code()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator, o => o.MaxRetries = 0);
        emulator.FailNext(403);

        var ex = await Assert.ThrowsAsync<NomyoForbiddenException>(() => client.CreateAsync("m", Harness.Hello()));

        Assert.That(ex!.ErrorCode, Is.Null);
        Assert.That(ex.Message, Is.EqualTo($"{Operation} failed with HTTP 403: Injected failure 403"));
        Assert.That((string?)ex.ResponseJson!["detail"], Is.EqualTo("Injected failure 403"));
    }

    [Test]
    public async Task Response_json_is_a_copy_the_caller_cannot_change()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator, o => o.MaxRetries = 0);
        emulator.FailNext(400);
        var ex = await Assert.ThrowsAsync<NomyoBadRequestException>(() => client.CreateAsync("m", Harness.Hello()));

        ((JObject)ex!.ResponseJson!)["detail"] = "changed";

        Assert.That((string?)ex.ResponseJson!["detail"], Is.EqualTo("Injected failure 400"));
    }

    [TestCase(400, "Invalid response format")]
    [TestCase(401, "Invalid API key or authentication failed")]
    [TestCase(403, "Model not allowed for the requested security tier")]
    [TestCase(404, "Secure inference not enabled")]
    [TestCase(429, "Too many requests")]
    [TestCase(500, "Internal server error")]
    [TestCase(503, "Inference backend is unavailable")]
    [TestCase(502, "unknown")]
    public async Task Non_json_error_bodies_use_the_upstream_default_detail(int status, string detail)
    {
        using var client = StaticClient(status, "<html>oops</html>");

        var ex = (await Assert.ThrowsAsync(Is.InstanceOf<NomyoApiException>(), () => client.CreateAsync("m", Harness.Hello()))) as NomyoApiException;

        Assert.That(ex!.Message, Is.EqualTo($"{Operation} failed with HTTP {status}: {detail}"));
        Assert.That(ex.ResponseJson, Is.Null);
        Assert.That(ex.ResponseBody, Is.EqualTo("<html>oops</html>"));
    }

    [Test]
    public async Task Request_id_and_retry_after_are_read_from_the_headers_on_any_status()
    {
        using var client = StaticClient(500, """{"detail": {"code": "backend_down", "message": "GPU pool exhausted"}}""", response =>
        {
            response.Headers.Add("X-Request-ID", "req-123");
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(9));
        });

        var ex = await Assert.ThrowsAsync<NomyoServerException>(() => client.CreateAsync("m", Harness.Hello()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.RequestId, Is.EqualTo("req-123"));
            Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(9)));
            Assert.That(ex.ErrorCode, Is.EqualTo("backend_down"));
            Assert.That(ex.Message, Is.EqualTo($"{Operation} failed with HTTP 500 (backend_down): GPU pool exhausted"));
        });
    }

    [Test]
    public async Task Rate_limit_exception_carries_retry_after()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator, o => o.MaxRetries = 0);
        emulator.FailNext(429, retryAfter: TimeSpan.FromSeconds(7));

        var ex = await Assert.ThrowsAsync<NomyoRateLimitException>(() => client.CreateAsync("m", Harness.Hello()));

        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public async Task Wrong_api_key_is_rejected_by_the_emulator_with_401()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator, o => o.ApiKey = "wrong");

        var ex = await Assert.ThrowsAsync<NomyoAuthenticationException>(() => client.CreateAsync("m", Harness.Hello()));
        Assert.That(ex!.Message, Is.EqualTo($"{Operation} failed with HTTP 401: Invalid API key"));
    }

    [Test]
    public async Task Key_fetch_failure_names_the_operation_and_is_not_cached()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator, o => o.MaxRetries = 0);
        emulator.FailKeyFetchNext(500);

        var ex = await Assert.ThrowsAsync<NomyoServerException>(() => client.CreateAsync("m", Harness.Hello()));
        Assert.That(ex!.Message, Is.EqualTo("GET /pki/public_key failed with HTTP 500: Key service failure (injected)"));
        Assert.That(emulator.CompletionRequestCount, Is.Zero);

        await Assert.DoesNotThrowAsync(() => client.CreateAsync("m", Harness.Hello()));
        Assert.That(emulator.KeyRequestCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Connection_refused_is_a_connection_exception_without_status()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var client = new SecureChatCompletion(new NomyoClientOptions
        {
            BaseUrl = new Uri($"http://127.0.0.1:{port}"), AllowHttp = true, ClientKey = TestKeys.Client, MaxRetries = 0,
        });

        var ex = await Assert.ThrowsAsync<NomyoConnectionException>(() => client.CreateAsync("m", Harness.Hello()));
        Assert.That(ex!.InnerException, Is.InstanceOf<HttpRequestException>());
        Assert.That(ex.Status, Is.Null);
        Assert.That(ex, Is.InstanceOf<NomyoApiException>());
    }

    [Test]
    public async Task A_dropped_connection_is_a_connection_exception()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator, o => o.MaxRetries = 0);
        emulator.DropNextConnection();

        var ex = await Assert.ThrowsAsync<NomyoConnectionException>(() => client.CreateAsync("m", Harness.Hello()));

        Assert.That(ex!.Status, Is.Null);
        Assert.That(emulator.CompletionRequestCount, Is.EqualTo(1));
        await Assert.ThatAsync(() => client.CreateAsync("m", Harness.Hello()), Throws.Nothing, "only the next request is dropped");
    }

    [Test]
    public async Task A_dropped_connection_on_the_socket_emulator_is_a_connection_exception()
    {
        await using var emulator = Harness.SocketEmulator();
        using var client = Harness.SocketClient(emulator, o => o.MaxRetries = 0);
        emulator.DropNextConnection();

        var ex = await Assert.ThrowsAsync<NomyoConnectionException>(() => client.CreateAsync("m", Harness.Hello()));

        Assert.That(ex!.Status, Is.Null);
        await Assert.ThatAsync(() => client.CreateAsync("m", Harness.Hello()), Throws.Nothing, "only the next request is dropped");
    }

    [Test]
    public void Exceptions_can_be_built_for_tests_without_a_server()
    {
        var ex = new NomyoRateLimitException("slow down", retryAfter: TimeSpan.FromSeconds(3), errorCode: "rate_limited", responseBody: """{"detail":"x"}""");

        Assert.That(ex.Status, Is.EqualTo(429));
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That((string?)ex.ResponseJson!["detail"], Is.EqualTo("x"));
        Assert.That(new NomyoServiceUnavailableException("down"), Is.InstanceOf<NomyoServerException>());
        Assert.That(new NomyoTimeoutException("late").Status, Is.Null);
    }

    private static SecureChatCompletion StaticClient(int status, string body, Action<HttpResponseMessage>? configure = null) =>
        new(new NomyoClientOptions { BaseUrl = new Uri("https://router.test"), ClientKey = TestKeys.Client, MaxRetries = 0 },
            new HttpClient(new StaticAnswerHandler(TestKeys.Server.PublicKey.ToPem(), status, body, configure)));

    /// <summary>Serves a fixed key and a fixed error answer for the completion endpoint.</summary>
    private sealed class StaticAnswerHandler(string pem, int status, string body, Action<HttpResponseMessage>? configure) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get)
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(pem) });
            }

            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body) };
            configure?.Invoke(response);
            return Task.FromResult(response);
        }
    }
}
