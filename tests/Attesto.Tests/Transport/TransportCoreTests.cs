using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;
using TestSupport;

namespace Attesto.Tests.Transport;

/// <summary>
/// The shared transport core as Attesto uses it, on every path a client can be built (owned
/// handler, caller HttpClient, <c>AddAttestoClient</c>, <c>AddAttestoV2Client</c>): the 16 MiB cap
/// holds before anything is buffered, a dropped connection is retried then typed (never Refit's
/// exception), a 307 is never followed, and every id that becomes a path segment is checked.
/// </summary>
public class TransportCoreTests
{
    public enum ClientPath
    {
        Owned,
        CallerClient,
        CallerClientV2,
        AddAttestoClient,
        AddAttestoV2Client,
    }

    public enum HostileBody
    {
        Chunked600MiB,
        GzipBomb,
    }

    private const string Key = "atto_test_0123456789abcdef0123456789abcdef";
    private static readonly string ReceiptKey = string.Concat(Enumerable.Repeat("11", 32));

    /// <summary>One GET by id, on the client the path builds, and what disposes it.</summary>
    private static (Func<string, Task> GetById, IDisposable Owner) Build(ClientPath path, string baseUrl, Action<AttestoClientOptions>? tweak = null)
    {
        void Configure(AttestoClientOptions o)
        {
            o.ApiKey = Key;
            o.BaseUrl = new Uri(baseUrl);
            o.MaxRetries = 0;
            tweak?.Invoke(o);
        }

        AttestoClientOptions Options()
        {
            var options = new AttestoClientOptions(Key);
            Configure(options);
            return options;
        }

        var proofstream = new ProofstreamOptions { ReceiptPublicKeyHex = ReceiptKey };
        HttpClient CallerHttp() => new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, AllowAutoRedirect = false });
        switch (path)
        {
            case ClientPath.Owned:
                var owned = new AttestoClient(Options());
                return (id => owned.GetEventProofAsync(id), owned);
            case ClientPath.CallerClient:
                var http = CallerHttp();
                var client = new AttestoClient(Options(), http);
                return (id => client.GetEventProofAsync(id), new Owners(client, http));
            case ClientPath.CallerClientV2:
                var http2 = CallerHttp();
                AttestoClientOptions v2Options = Options();
                v2Options.Proofstream = proofstream;
                var v2 = new AttestoV2Client(v2Options, http2);
                return (id => v2.GetWitnessPolicyAsync(id), new Owners(v2, http2));
            case ClientPath.AddAttestoClient:
                var services = new ServiceCollection();
                services.AddAttestoClient(Configure);
                ServiceProvider provider = services.BuildServiceProvider();
                var fromDi = provider.GetRequiredService<AttestoClient>();
                return (id => fromDi.GetEventProofAsync(id), provider);
            default:
                var services2 = new ServiceCollection();
                services2.AddAttestoV2Client(o =>
                {
                    Configure(o);
                    o.Proofstream.ReceiptPublicKeyHex = ReceiptKey;
                });
                ServiceProvider provider2 = services2.BuildServiceProvider();
                var v2FromDi = provider2.GetRequiredService<AttestoV2Client>();
                return (id => v2FromDi.GetWitnessPolicyAsync(id), provider2);
        }
    }

    [Test]
    public async Task response_cap_bounds_memory_on_every_client_path([Values] ClientPath path, [Values] HostileBody body)
    {
        _ = RawHttpServer.GzipMemberLength;
        await using var server = new RawHttpServer((_, stream, token) => body == HostileBody.Chunked600MiB
            ? RawHttpServer.WriteChunkedAsync(stream, 600L * 1024 * 1024, token)
            : RawHttpServer.WriteGzipBombAsync(stream, members: 16, token));
        await using (var warm = new RawHttpServer((_, s, t) => RawHttpServer.WriteAsync(s, 404, "{}", t)))
        {
            var (warmCall, warmOwner) = Build(path, warm.BaseUrl);
            using (warmOwner)
            {
                await Assert.ThrowsAsync<AttestoNotFoundException>(() => warmCall("id_warm"));
            }
        }

        var (call, owner) = Build(path, server.BaseUrl);
        using (owner)
        {
            var (error, allocated) = await AllocationMeter.MeasureAsync(() => call("id_1"));
            await TestContext.Out.WriteLineAsync($"Attesto {path} {body}: {allocated / 1024.0 / 1024.0:0.0} MiB allocated");
            Assert.Multiple(() =>
            {
                Assert.That(error, Is.TypeOf<AttestoException>(), error?.ToString());
                Assert.That(error?.Message, Does.Contain("16 MiB limit"));
                Assert.That(allocated, Is.LessThan(AllocationMeter.Budget), $"{allocated / (1024 * 1024)} MiB allocated");
            });
        }
    }

    [Test]
    public async Task connection_dropped_mid_body_is_retried_then_an_attesto_exception([Values] ClientPath path)
    {
        var time = new FakeTimeProvider();
        await using var server = new RawHttpServer((_, stream, token) => RawHttpServer.WriteTruncatedAsync(stream, announced: 10_000, sent: 100, token));
        var (call, owner) = Build(path, server.BaseUrl, o =>
        {
            o.MaxRetries = 2;
            o.TimeProvider = time;
            o.Timeout = TimeSpan.FromMinutes(10);
        });
        using (owner)
        {
            var error = await Assert.ThrowsAsync<AttestoConnectionException>(() => FakeClock.DriveAsync(time, call("id_1")));
            Assert.Multiple(() =>
            {
                Assert.That(error!.Status, Is.Null, "no complete answer arrived");
                Assert.That(error.Message, Does.Contain("connection broke"));
                Assert.That(server.Requests, Has.Count.EqualTo(3), "retried MaxRetries times");
            });
        }
    }

    [Test]
    public async Task the_per_attempt_timeout_covers_the_body_read([Values(ClientPath.Owned, ClientPath.CallerClient, ClientPath.AddAttestoV2Client)] ClientPath path)
    {
        var time = new FakeTimeProvider();
        await using var server = new RawHttpServer((_, stream, token) => RawHttpServer.WriteStalledAsync(stream, token));
        var (call, owner) = Build(path, server.BaseUrl, o =>
        {
            o.TimeProvider = time;
            o.Timeout = TimeSpan.FromSeconds(5);
        });
        using (owner)
        {
            var error = await Assert.ThrowsAsync<AttestoTimeoutException>(() => FakeClock.DriveAsync(time, call("id_1")));
            Assert.That(error!.Message, Does.Contain("timed out after 5 s"));
            Assert.That(error.Status, Is.Null);
        }
    }

    [Test]
    public async Task a_write_dropped_mid_body_is_retried_with_the_same_idempotency_key()
    {
        var time = new FakeTimeProvider();
        await using var server = new RawHttpServer((_, stream, token) => RawHttpServer.WriteTruncatedAsync(stream, announced: 10_000, sent: 100, token));
        using var client = new AttestoClient(new AttestoClientOptions(Key) { BaseUrl = new Uri(server.BaseUrl), MaxRetries = 2, TimeProvider = time, Timeout = TimeSpan.FromMinutes(10) });
        await Assert.ThrowsAsync<AttestoConnectionException>(() => FakeClock.DriveAsync(time, client.LogEventAsync("inference")));
        string[] keys = server.Requests.Select(r => r.Headers["Idempotency-Key"]).ToArray();
        Assert.That(keys, Has.Length.EqualTo(3));
        Assert.That(keys.Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task a_307_to_another_origin_is_not_followed_and_the_event_is_never_reposted(
        [Values(ClientPath.Owned, ClientPath.CallerClient, ClientPath.AddAttestoClient)] ClientPath path)
    {
        await using var elsewhere = new RawHttpServer((_, stream, token) => RawHttpServer.WriteAsync(stream, 200, "{}", token));
        await using var server = new RawHttpServer((_, stream, token) =>
            RawHttpServer.WriteAsync(stream, 307, string.Empty, token, ("Location", elsewhere.BaseUrl + "/v1/sdk/events")));
        AttestoClient client;
        IDisposable owner;
        var options = new AttestoClientOptions(Key) { BaseUrl = new Uri(server.BaseUrl), MaxRetries = 0 };
        switch (path)
        {
            case ClientPath.Owned:
                client = new AttestoClient(options);
                owner = client;
                break;
            case ClientPath.CallerClient:
                var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
                client = new AttestoClient(options, http);
                owner = http;
                break;
            default:
                var services = new ServiceCollection();
                services.AddAttestoClient(o =>
                {
                    o.ApiKey = Key;
                    o.BaseUrl = new Uri(server.BaseUrl);
                });
                var provider = services.BuildServiceProvider();
                client = provider.GetRequiredService<AttestoClient>();
                owner = provider;
                break;
        }

        using (owner)
        {
            var error = await Assert.ThrowsAsync<AttestoApiException>(() => client.LogEventAsync("inference", payload: new { secret = "x" }));
            Assert.That(error!.Status, Is.EqualTo(307));
            Assert.That(elsewhere.Requests, Is.Empty, "neither the event body nor the Idempotency-Key went to the other origin");
            Assert.That(server.Requests.Single().Headers, Does.ContainKey("Idempotency-Key"));
        }
    }

    [Test]
    public async Task a_caller_client_that_follows_redirects_gets_an_attesto_exception()
    {
        await using var elsewhere = new RawHttpServer((_, stream, token) =>
            RawHttpServer.WriteAsync(stream, 200, """{"canonicalJson":"{}","proof":[],"batchId":"b"}""", token, ("Content-Type", "application/json")));
        await using var server = new RawHttpServer((_, stream, token) =>
            RawHttpServer.WriteAsync(stream, 302, string.Empty, token, ("Location", elsewhere.BaseUrl + "/v1/events/evt_1/proof")));
        using var http = new HttpClient();
        using var client = new AttestoClient(new AttestoClientOptions(Key) { BaseUrl = new Uri(server.BaseUrl), MaxRetries = 0 }, http);
        var error = await Assert.ThrowsAsync<AttestoConnectionException>(() => client.GetEventProofAsync("evt_1"));
        Assert.That(error!.Message, Does.Contain("redirect"));
        Assert.That(error.Status, Is.Null);
    }

    private static IEnumerable<TestCaseData> IdCalls()
    {
        var calls = new (string Parameter, Func<AttestoClient, AttestoV2Client, string, Task> Call)[]
        {
            ("eventId", (v1, _, id) => v1.GetEventProofAsync(id)),
            ("streamId", (_, v2, id) => v2.LogEventAsync(id, "src", null)),
            ("streamId", (_, v2, id) => v2.LogEventsAsync(id, [new StreamEventInput("src", null)])),
            ("streamId", (_, v2, id) => v2.LogEventAsync(id, new StreamEventInput("src", null))),
            ("streamId", (_, v2, id) => v2.ListStreamEventsAsync(id)),
            ("streamId", async (_, v2, id) => { await foreach (var item in v2.GetAllStreamEventsAsync(id)) { } }),
            ("streamId", async (_, v2, id) => { await foreach (var item in v2.ReadStreamEventsAsync(id)) { } }),
            ("streamId", async (_, v2, id) => { await foreach (var item in v2.ReadCheckpointsAsync(id)) { } }),
            ("streamEventId", (_, v2, id) => v2.GetReceiptAsync(id)),
            ("checkpointId", (_, v2, id) => v2.GetCheckpointConsistencyAsync(id, "cp_0")),
            ("fromCheckpointId", (_, v2, id) => v2.GetCheckpointConsistencyAsync("cp_1", id)),
            ("policyId", (_, v2, id) => v2.GetWitnessPolicyAsync(id)),
            ("policyId", (_, v2, id) => v2.CreateStreamAsync("use", id)),
            ("fromCheckpointId", (_, v2, id) => v2.BuildVerifierBundleAsync(id, "cp_2")),
            ("toCheckpointId", (_, v2, id) => v2.BuildVerifierBundleAsync("cp_1", id)),
            ("anchorEpochId", (_, v2, id) => v2.GetAnchorEpochAsync(id)),
            ("ivcEpochId", (_, v2, id) => v2.GetIvcEpochAsync(id)),
            ("connectorId", (_, v2, id) => v2.SubmitConnectorEventAsync(id, "secret", "src", null)),
        };
        foreach (string id in new[] { ".", "..", "a\nb" })
        {
            for (int i = 0; i < calls.Length; i++)
            {
                yield return new TestCaseData(calls[i].Parameter, calls[i].Call, id).SetName($"path_escaping_id_{i:00}_{calls[i].Parameter}_{(id == "a\nb" ? "control" : id.Length == 1 ? "dot" : "dotdot")}_is_refused");
            }
        }
    }

    [TestCaseSource(nameof(IdCalls))]
    public async Task path_escaping_ids_are_refused_naming_the_parameter(string parameter, Func<AttestoClient, AttestoV2Client, string, Task> call, string id)
    {
        var mock = new MockHttpMessageHandler();
        var any = mock.When("*").Respond("application/json", "{}");
        using var http = mock.ToHttpClient();
        var options = new AttestoClientOptions(Key) { MaxRetries = 0 };
        using var v1 = new AttestoClient(options, http);
        using var v2 = new AttestoV2Client(new AttestoClientOptions(Key) { MaxRetries = 0, Proofstream = new ProofstreamOptions { ReceiptPublicKeyHex = ReceiptKey } }, http);
        var error = await Assert.ThrowsAsync<AttestoValidationException>(() => call(v1, v2, id));
        Assert.That(error!.Message, Does.StartWith(parameter));
        Assert.That(error.ParamName, Is.EqualTo(parameter));
        Assert.That(mock.GetMatchCount(any), Is.Zero, "nothing was sent");
    }

    [Test]
    public async Task an_api_key_echoed_in_an_error_body_is_redacted()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.BadRequest, "application/json", $$"""{"detail":"bad key {{Key}}"}""");
        using var http = mock.ToHttpClient();
        using var client = new AttestoClient(new AttestoClientOptions(Key) { MaxRetries = 0 }, http);
        var error = await Assert.ThrowsAsync<AttestoBadRequestException>(() => client.GetEventProofAsync("evt_1"));
        Assert.That(error!.Message, Does.Not.Contain(Key));
        Assert.That(error.ResponseBody, Does.Not.Contain(Key));
        Assert.That(error.Message, Does.Contain("[redacted]"));
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
