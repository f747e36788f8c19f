namespace Nomyo.Tests;

public class StatusMappingTests
{
    [TestCase(400, typeof(NomyoInvalidRequestException), "Bad request: boom")]
    [TestCase(401, typeof(NomyoAuthenticationException), "boom")]
    [TestCase(403, typeof(NomyoForbiddenException), "Forbidden: boom")]
    [TestCase(404, typeof(NomyoApiException), "Endpoint not found: boom")]
    [TestCase(429, typeof(NomyoRateLimitException), "Rate limit exceeded: boom")]
    [TestCase(500, typeof(NomyoServerException), "Server error: boom")]
    [TestCase(503, typeof(NomyoServiceUnavailableException), "Service unavailable: boom")]
    [TestCase(502, typeof(NomyoApiException), "Unexpected status code: 502 boom")]
    [TestCase(504, typeof(NomyoApiException), "Unexpected status code: 504 boom")]
    [TestCase(418, typeof(NomyoApiException), "Unexpected status code: 418 boom")]
    public async Task Each_status_maps_to_its_exception_with_the_upstream_message(int status, Type expected, string message)
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator, o => o.MaxRetries = 0);
        emulator.FailNext(status, detail: "boom");

        var ex = (await Assert.ThrowsAsync(Is.TypeOf(expected), () => client.CreateAsync("m", Harness.Hello()))) as NomyoApiException;

        Assert.That(ex!.StatusCode, Is.EqualTo(status));
        Assert.That(ex.Message, Is.EqualTo(message));
        Assert.That(ex.ErrorDetails!["detail"]!.ToString(), Is.EqualTo("boom"));
    }

    [TestCase(400, "Bad request: Invalid response format")]
    [TestCase(401, "Invalid API key or authentication failed")]
    [TestCase(403, "Forbidden: Model not allowed for the requested security tier")]
    [TestCase(404, "Endpoint not found: Secure inference not enabled")]
    [TestCase(429, "Rate limit exceeded: Too many requests")]
    [TestCase(500, "Server error: Internal server error")]
    [TestCase(503, "Service unavailable: Inference backend is unavailable")]
    [TestCase(502, "Unexpected status code: 502 unknown")]
    public async Task Non_json_error_bodies_use_the_upstream_default_detail(int status, string message)
    {
        using var client = new SecureChatCompletion(
            new NomyoClientOptions { BaseUrl = "https://router.test", ClientKey = TestKeys.Client, MaxRetries = 0 },
            new HttpClient(new StaticAnswerHandler(TestKeys.Server.PublicKey.ToPem(), status, "<html>oops</html>")));

        var ex = (await Assert.ThrowsAsync(Is.InstanceOf<NomyoApiException>(), () => client.CreateAsync("m", Harness.Hello()))) as NomyoApiException;

        Assert.That(ex!.Message, Is.EqualTo(message));
        Assert.That(ex.ErrorDetails, Is.Null);
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
        Assert.That(ex!.Message, Is.EqualTo("Invalid API key"));
    }

    [Test]
    public async Task Key_fetch_failure_names_the_operation_and_is_not_cached()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator, o => o.MaxRetries = 0);
        emulator.FailKeyFetchNext(500);

        var ex = await Assert.ThrowsAsync<NomyoServerException>(() => client.CreateAsync("m", Harness.Hello()));
        Assert.That(ex!.Message, Does.StartWith("Failed to fetch server's public key: HTTP 500: Server error:"));
        Assert.That(emulator.CompletionRequestCount, Is.Zero);

        await Assert.DoesNotThrowAsync(() => client.CreateAsync("m", Harness.Hello()));
        Assert.That(emulator.KeyRequestCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Connection_refused_is_a_connection_exception()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var client = new SecureChatCompletion(new NomyoClientOptions
        {
            BaseUrl = $"http://127.0.0.1:{port}", AllowHttp = true, ClientKey = TestKeys.Client, MaxRetries = 0,
        });

        var ex = await Assert.ThrowsAsync<NomyoConnectionException>(() => client.CreateAsync("m", Harness.Hello()));
        Assert.That(ex!.InnerException, Is.InstanceOf<HttpRequestException>());
    }

    /// <summary>Serves a fixed key and a fixed error answer for the completion endpoint.</summary>
    private sealed class StaticAnswerHandler(string pem, int status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(request.Method == HttpMethod.Get
                ? new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(pem) }
                : new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = new StringContent(body) });
    }
}
