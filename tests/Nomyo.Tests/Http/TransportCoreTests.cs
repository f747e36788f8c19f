using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;
using TestSupport;

namespace Nomyo.Tests;

/// <summary>
/// The shared transport core as NOMYO uses it, on every path a client can be built (owned
/// handler, caller HttpClient, <c>AddNomyoClient</c>): the response cap holds against a long
/// chunked body and a compression bomb, a dropped connection is retried (key fetch) or not
/// (completion POST) then typed, a 307 is never followed, and an echoed API key is redacted.
/// </summary>
public class TransportCoreTests
{
    public enum ClientPath
    {
        Owned,
        CallerClient,
        AddNomyoClient,
    }

    public enum HostileBody
    {
        Chunked600MiB,
        GzipBomb,
    }

    private const string Key = "test-key-0123456789";

    private static void Configure(NomyoClientOptions o, string baseUrl)
    {
        o.BaseUrl = new Uri(baseUrl);
        o.AllowHttp = true;
        o.ApiKey = Key;
        o.ClientKey = TestKeys.Client;
        o.MaxRetries = 0;
    }

    private static (SecureCompletionClient Client, IDisposable Owner) Build(ClientPath path, string baseUrl, Action<NomyoClientOptions>? tweak = null)
    {
        var options = new NomyoClientOptions();
        Configure(options, baseUrl);
        tweak?.Invoke(options);
        switch (path)
        {
            case ClientPath.Owned:
                var owned = new SecureChatCompletion(options);
                return (owned.Client, owned);
            case ClientPath.CallerClient:
                var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, AllowAutoRedirect = false });
                var client = new SecureChatCompletion(options, http);
                return (client.Client, new Owners(client, http));
            default:
                var services = new ServiceCollection();
                services.AddNomyoClient(o =>
                {
                    Configure(o, baseUrl);
                    tweak?.Invoke(o);
                });
                ServiceProvider provider = services.BuildServiceProvider();
                return (provider.GetRequiredService<SecureCompletionClient>(), provider);
        }
    }

    private static Task ServeKeyThen(RawRequest request, Stream stream, CancellationToken token, Func<Task> post) =>
        request.Method == "GET"
            ? RawHttpServer.WriteAsync(stream, 200, TestKeys.Server.PublicKey.ToPem(), token, ("Content-Type", "text/plain"))
            : post();

    [Test]
    public async Task response_cap_bounds_memory_on_every_client_path([Values] ClientPath path, [Values] HostileBody body)
    {
        _ = RawHttpServer.GzipMemberLength;
        await using var server = new RawHttpServer((_, stream, token) => body == HostileBody.Chunked600MiB
            ? RawHttpServer.WriteChunkedAsync(stream, 600L * 1024 * 1024, token)
            : RawHttpServer.WriteGzipBombAsync(stream, members: 16, token));
        await using (var warm = new RawHttpServer((_, s, t) => RawHttpServer.WriteAsync(s, 404, "{}", t)))
        {
            var (warmClient, warmOwner) = Build(path, warm.BaseUrl);
            using (warmOwner)
            {
                await Assert.ThrowsAsync<NomyoNotFoundException>(() => warmClient.FetchServerPublicKeyAsync());
            }
        }

        var (client, owner) = Build(path, server.BaseUrl);
        using (owner)
        {
            var (error, allocated) = await AllocationMeter.MeasureAsync(() => client.FetchServerPublicKeyAsync());
            await TestContext.Out.WriteLineAsync($"Nomyo {path} {body}: {allocated / 1024.0 / 1024.0:0.0} MiB allocated");
            Assert.Multiple(() =>
            {
                Assert.That(error, Is.TypeOf<NomyoSecurityException>(), error?.ToString());
                Assert.That((error as NomyoSecurityException)?.Reason, Is.EqualTo(NomyoSecurityReason.ResponseTooLarge));
                Assert.That(allocated, Is.LessThan(AllocationMeter.Budget), $"{allocated / (1024 * 1024)} MiB allocated");
            });
        }
    }

    [Test]
    public async Task connection_dropped_mid_body_of_the_key_fetch_is_retried_then_a_connection_error([Values] ClientPath path)
    {
        var time = new FakeTimeProvider();
        await using var server = new RawHttpServer((_, stream, token) => RawHttpServer.WriteTruncatedAsync(stream, announced: 10_000, sent: 100, token));
        var (client, owner) = Build(path, server.BaseUrl, o =>
        {
            o.MaxRetries = 2;
            o.TimeProvider = time;
            o.Timeout = TimeSpan.FromMinutes(10);
        });
        using (owner)
        {
            var error = await Assert.ThrowsAsync<NomyoConnectionException>(() => FakeClock.DriveAsync(time, client.FetchServerPublicKeyAsync()));
            Assert.That(error!.InnerException, Is.InstanceOf<IOException>().Or.InstanceOf<HttpRequestException>());
            Assert.That(server.Requests, Has.Count.EqualTo(3), "the GET was retried MaxRetries times");
        }
    }

    [Test]
    public async Task the_per_attempt_timeout_covers_the_body_read([Values] ClientPath path)
    {
        var time = new FakeTimeProvider();
        await using var server = new RawHttpServer((_, stream, token) => RawHttpServer.WriteStalledAsync(stream, token));
        var (client, owner) = Build(path, server.BaseUrl, o =>
        {
            o.TimeProvider = time;
            o.Timeout = TimeSpan.FromSeconds(5);
        });
        using (owner)
        {
            var error = await Assert.ThrowsAsync<NomyoTimeoutException>(() => FakeClock.DriveAsync(time, client.FetchServerPublicKeyAsync()));
            Assert.That(error!.Message, Does.Contain("timed out after 5 s"));
        }
    }

    [Test]
    public async Task connection_dropped_mid_body_of_the_completion_is_not_retried([Values] ClientPath path)
    {
        await using var server = new RawHttpServer((request, stream, token) =>
            ServeKeyThen(request, stream, token, () => RawHttpServer.WriteTruncatedAsync(stream, announced: 10_000, sent: 100, token)));
        var (client, owner) = Build(path, server.BaseUrl, o => o.MaxRetries = 2);
        using (owner)
        {
            await Assert.ThrowsAsync<NomyoConnectionException>(() => client.SendSecureRequestAsync(new Newtonsoft.Json.Linq.JObject { ["model"] = "m" }, Guid.NewGuid().ToString("D")));
            Assert.That(server.Requests.Count(r => r.Method == "POST"), Is.EqualTo(1), "a POST whose answer broke is never re-sent");
        }
    }

    [Test]
    public async Task a_307_to_another_origin_is_not_followed_and_the_package_is_never_reposted([Values] ClientPath path)
    {
        await using var elsewhere = new RawHttpServer((_, stream, token) => RawHttpServer.WriteAsync(stream, 200, "{}", token));
        await using var server = new RawHttpServer((request, stream, token) => ServeKeyThen(request, stream, token, () =>
            RawHttpServer.WriteAsync(stream, 307, string.Empty, token, ("Location", elsewhere.BaseUrl + "/v1/chat/secure_completion"))));
        var (client, owner) = Build(path, server.BaseUrl);
        using (owner)
        {
            var error = await Assert.ThrowsAsync<NomyoApiException>(() => client.SendSecureRequestAsync(new Newtonsoft.Json.Linq.JObject { ["model"] = "m" }, Guid.NewGuid().ToString("D")));
            Assert.That(error!.Status, Is.EqualTo(307));
            Assert.That(elsewhere.Requests, Is.Empty, "neither the package nor the API key went to the other origin");
        }
    }

    [Test]
    public async Task a_caller_client_that_follows_redirects_gets_a_connection_error()
    {
        await using var elsewhere = new RawHttpServer((_, stream, token) => RawHttpServer.WriteAsync(stream, 200, TestKeys.OtherServer.PublicKey.ToPem(), token));
        await using var server = new RawHttpServer((_, stream, token) =>
            RawHttpServer.WriteAsync(stream, 302, string.Empty, token, ("Location", elsewhere.BaseUrl + "/pki/public_key")));
        var options = new NomyoClientOptions();
        Configure(options, server.BaseUrl);
        using var http = new HttpClient();
        using var client = new SecureChatCompletion(options, http);
        var error = await Assert.ThrowsAsync<NomyoConnectionException>(() => client.Client.FetchServerPublicKeyAsync());
        Assert.That(error!.Message, Does.Contain("redirect"));
    }

    [Test]
    public async Task an_api_key_echoed_in_an_error_body_is_redacted()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, "*").Respond("text/plain", TestKeys.Server.PublicKey.ToPem());
        mock.When(HttpMethod.Post, "*").Respond(HttpStatusCode.Unauthorized, "application/json", $$"""{"detail":"invalid key {{Key}}","echo":"Bearer {{Key}}"}""");
        var options = new NomyoClientOptions();
        Configure(options, "http://127.0.0.1:9");
        using var client = new SecureChatCompletion(options, mock.ToHttpClient());
        var error = await Assert.ThrowsAsync<NomyoAuthenticationException>(() => client.CreateAsync("m", [ChatMessage.User("hi")]));
        string details = error!.ResponseJson?.ToString() ?? string.Empty;
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Not.Contain(Key));
            Assert.That(error.Message, Does.Contain("[redacted]"));
            Assert.That(details, Does.Not.Contain(Key));
            Assert.That(details, Does.Contain("[redacted]"));
            Assert.That(error.ResponseBody, Does.Not.Contain(Key));
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
