using System.Net;
using Lucairn.Tests.Support;
using Lucairn.Tests.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;
using TestSupport;

namespace Lucairn.Tests.Transport;

/// <summary>
/// The shared transport core as Lucairn uses it, on every path a client can be built (owned
/// handler, caller HttpClient, DI): the response cap holds against a long chunked body and a
/// compression bomb, a dropped connection is retried then typed, redirects are never followed,
/// and an echoed API key is redacted.
/// </summary>
public class TransportCoreTests
{
    public enum ClientPath
    {
        Owned,
        CallerClient,
        DependencyInjection,
    }

    public enum HostileBody
    {
        Chunked600MiB,
        GzipBomb,
    }

    private const string Key = TestClients.LegacyKey;

    private static Task Serve(HostileBody body, Stream stream, CancellationToken token) => body switch
    {
        HostileBody.Chunked600MiB => RawHttpServer.WriteChunkedAsync(stream, 600L * 1024 * 1024, token),
        _ => RawHttpServer.WriteGzipBombAsync(stream, members: 16, token),
    };

    /// <summary>Builds a client on <paramref name="path"/>; the disposable owns everything built.</summary>
    internal static (LucairnClient Client, IDisposable Owner) Build(ClientPath path, string baseUrl, Action<LucairnClientOptions>? tweak = null)
    {
        void Configure(LucairnClientOptions c)
        {
            c.ApiKey = Key;
            c.BaseUrl = new Uri(baseUrl);
            c.MaxRetries = 0;
            tweak?.Invoke(c);
        }

        var config = new LucairnClientOptions();
        Configure(config);
        switch (path)
        {
            case ClientPath.Owned:
                var owned = new LucairnClient(config);
                return (owned, owned);
            case ClientPath.CallerClient:
                var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, AllowAutoRedirect = false });
                var client = new LucairnClient(config, http);
                return (client, new Owners(client, http));
            default:
                var services = new ServiceCollection();
                services.AddLucairnClient(Configure);
                ServiceProvider provider = services.BuildServiceProvider();
                return (provider.GetRequiredService<LucairnClient>(), provider);
        }
    }

    [Test]
    public async Task response_cap_bounds_memory_on_every_client_path(
        [Values] ClientPath path, [Values] HostileBody body)
    {
        _ = RawHttpServer.GzipMemberLength;
        await using var server = new RawHttpServer((_, stream, token) => Serve(body, stream, token));
        var (client, owner) = Build(path, server.BaseUrl);
        using (owner)
        {
            // Warm the path up so one-off JIT and connection-pool allocations are not measured.
            await using (var warm = new RawHttpServer((_, s, t) => RawHttpServer.WriteAsync(s, 404, "{}", t)))
            {
                var (warmClient, warmOwner) = Build(path, warm.BaseUrl);
                using (warmOwner)
                {
                    await Assert.CatchAsync<LucairnApiException>(() => warmClient.GetCertificateAsync("req_warm"));
                }
            }

            var (error, allocated) = await AllocationMeter.MeasureAsync(() => client.GetCertificateAsync("req_1"));
            await TestContext.Out.WriteLineAsync($"Lucairn {path} {body}: {allocated / 1024.0 / 1024.0:0.0} MiB allocated");
            Assert.Multiple(() =>
            {
                Assert.That(error, Is.TypeOf<LucairnResponseValidationException>(), error?.ToString());
                Assert.That(error?.Message, Does.Contain("max_response_bytes cap of " + LucairnClientOptions.DefaultMaxResponseBytes));
                Assert.That(allocated, Is.LessThan(AllocationMeter.Budget), $"{allocated / (1024 * 1024)} MiB allocated");
            });
        }
    }

    [Test]
    public async Task connection_dropped_mid_body_is_retried_then_a_typed_error([Values] ClientPath path)
    {
        var time = new FakeTimeProvider();
        await using var server = new RawHttpServer((_, stream, token) => RawHttpServer.WriteTruncatedAsync(stream, announced: 10_000, sent: 100, token));
        var (client, owner) = Build(path, server.BaseUrl, c =>
        {
            c.MaxRetries = 2;
            c.TimeProvider = time;
            c.Timeout = TimeSpan.FromHours(1);
        });
        using (owner)
        {
            Task call = client.GetCertificateAsync("req_1");
            var error = await Assert.CatchAsync<LucairnException>(() => FakeClock.DriveAsync(time, call));
            Assert.Multiple(() =>
            {
                Assert.That(error!.GetType(), Is.EqualTo(typeof(LucairnConnectionException)), "not Refit's ApiRequestException, not an HTTP status error");
                Assert.That(error.InnerException, Is.InstanceOf<IOException>().Or.InstanceOf<HttpRequestException>());
                Assert.That(server.Requests, Has.Count.EqualTo(3), "the GET was retried MaxRetries times");
            });
        }
    }

    [Test]
    public async Task the_per_attempt_timeout_covers_the_body_read([Values] ClientPath path)
    {
        var time = new FakeTimeProvider();
        await using var server = new RawHttpServer((_, stream, token) => RawHttpServer.WriteStalledAsync(stream, token));
        var (client, owner) = Build(path, server.BaseUrl, c =>
        {
            c.TimeProvider = time;
            c.Timeout = TimeSpan.FromSeconds(5);
        });
        using (owner)
        {
            var error = await Assert.ThrowsAsync<LucairnTimeoutException>(() => FakeClock.DriveAsync(time, client.GetCertificateAsync("req_1")));
            Assert.That(error!.Message, Does.Contain("timed out after 5s"));
        }
    }

    [Test]
    public async Task connection_dropped_mid_body_of_a_post_is_not_retried([Values(ClientPath.Owned, ClientPath.CallerClient)] ClientPath path)
    {
        await using var server = new RawHttpServer((_, stream, token) => RawHttpServer.WriteTruncatedAsync(stream, announced: 10_000, sent: 100, token));
        var (client, owner) = Build(path, server.BaseUrl, c => c.MaxRetries = 2);
        using (owner)
        {
            var error = await Assert.CatchAsync<LucairnException>(() => client.SendMessagesAsync(new ProxyMessagesRequest { PromptTemplate = "p" }));
            Assert.That(error!.GetType(), Is.EqualTo(typeof(LucairnConnectionException)));
            Assert.That(server.Requests, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task a_307_to_another_origin_is_not_followed([Values(ClientPath.Owned, ClientPath.CallerClient, ClientPath.DependencyInjection)] ClientPath path)
    {
        await using var elsewhere = new RawHttpServer((_, stream, token) => RawHttpServer.WriteAsync(stream, 200, "{}", token));
        await using var server = new RawHttpServer((_, stream, token) =>
            RawHttpServer.WriteAsync(stream, 307, string.Empty, token, ("Location", elsewhere.BaseUrl + "/api/v1/proxy/messages")));
        var (client, owner) = Build(path, server.BaseUrl);
        using (owner)
        {
            var error = await Assert.CatchAsync<LucairnApiException>(() => client.SendMessagesAsync(new ProxyMessagesRequest { PromptTemplate = "secret prompt" }));
            Assert.That(error!.Status, Is.EqualTo(307));
            Assert.That(elsewhere.Requests, Is.Empty, "neither the body nor the key went to the other origin");
            Assert.That(server.Requests.Single().Headers["x-api-key"], Is.EqualTo(Key));
        }
    }

    [Test]
    public async Task a_caller_client_that_follows_redirects_gets_a_typed_error_not_the_other_origins_answer()
    {
        await using var elsewhere = new RawHttpServer((_, stream, token) => RawHttpServer.WriteAsync(stream, 200, CertificateFixtures.Anchored, token, ("Content-Type", "application/json")));
        await using var server = new RawHttpServer((_, stream, token) =>
            RawHttpServer.WriteAsync(stream, 302, string.Empty, token, ("Location", elsewhere.BaseUrl + "/api/v1/veil/certificate/req_1")));
        using var http = new HttpClient(); // AllowAutoRedirect = true by default
        using var client = new LucairnClient(new LucairnClientOptions { ApiKey = Key, BaseUrl = new Uri(server.BaseUrl), MaxRetries = 0 }, http);
        var error = await Assert.CatchAsync<LucairnException>(() => client.GetCertificateAsync("req_1"));
        Assert.That(error!.Message, Does.Contain("redirect"));
    }

    [Test]
    public async Task an_api_key_echoed_in_an_error_body_is_redacted()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.Unauthorized, "application/json", $$"""{"detail":"unknown key {{Key}}","key":"{{Key}}"}""");
        using var client = TestClients.Create(mock);
        var error = await Assert.CatchAsync<LucairnApiException>(() => client.GetCertificateAsync("req_1"));
        string body = error!.ResponseBody?.ToString() ?? string.Empty;
        Assert.Multiple(() =>
        {
            Assert.That(body, Does.Not.Contain(Key));
            Assert.That(body, Does.Contain("[redacted]"));
            Assert.That(error.Message, Does.Not.Contain(Key));
        });
        
    }

    [TestCase(".")]
    [TestCase("..")]
    [TestCase(" ")]
    public async Task path_escaping_ids_are_refused_naming_the_parameter(string id)
    {
        var mock = new MockHttpMessageHandler();
        var any = mock.When("*").Respond("application/json", "{}");
        using var client = TestClients.Create(mock);
        var certificate = await Assert.ThrowsAsync<LucairnValidationException>(() => client.GetCertificateAsync(id));
        var summary = await Assert.ThrowsAsync<LucairnValidationException>(() => client.GetCertificateSummaryAsync(id));
        Assert.Multiple(() =>
        {
            Assert.That(certificate!.Message, Does.StartWith("requestId (request_id)"));
            Assert.That(summary!.Message, Does.StartWith("requestId (request_id)"));
            Assert.That(mock.GetMatchCount(any), Is.Zero);
        });
        
    }

    private sealed class Owners(params IDisposable[] owned) : IDisposable
    {
        public void Dispose()
        {
            foreach (IDisposable d in owned)
            {
                d.Dispose();
            }
        }
    }
}
