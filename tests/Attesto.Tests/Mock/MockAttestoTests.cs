using System.Net;
using System.Text;
using Attesto.Http;
using Attesto.Testing;
using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Mock;

public class MockAttestoTests
{
    private static HttpClient Raw(MockAttesto mock)
    {
        var http = new HttpClient { BaseAddress = mock.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", mock.ApiKey);
        return http;
    }

    private static async Task<JObject> PostAsync(HttpClient http, string path, JObject body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(AttestoProtocol.IdempotencyKeyHeader, idempotencyKey);
        }

        using HttpResponseMessage response = await http.SendAsync(request);
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<JObject> AllObjects(JToken token) =>
        token is JContainer c ? c.DescendantsAndSelf().OfType<JObject>() : [];

    [Test]
    public async Task Every_object_is_marked_mock_and_receipts_use_the_mock_kid()
    {
        await using var mock = MockAttesto.Start(new MockAttestoOptions { WindowSize = 2 });
        using var http = Raw(mock);
        string streamId = (string)(await PostAsync(http, "/v2/streams", new JObject { ["use_case"] = "u", ["policy_id"] = "p" }))["stream_id"]!;
        JObject logged = await PostAsync(http, $"/v2/streams/{streamId}/events/batch", new JObject
        {
            ["events"] = new JArray(Enumerable.Range(1, 3).Select(i => new JObject { ["source_ref"] = $"r{i}", ["occurred_at"] = "2026-06-07T12:00:00+00:00", ["payload"] = new JObject { ["n"] = i } })),
        });
        string checkpointId = mock.CreateCheckpoint(streamId);

        var answers = new List<JToken> { logged };
        foreach (string path in new[]
        {
            $"/v2/receipts/{logged["receipts"]![0]!["stream_event_id"]}", $"/v2/windows?stream_id={streamId}", $"/v2/checkpoints?stream_id={streamId}",
            "/v2/tenant/streams", $"/v2/tenant/streams/{streamId}/events", "/v2/witness/policies/p", "/v2/tenant/ivc/epochs",
        })
        {
            answers.Add(JToken.Parse(await http.GetStringAsync(path)));
        }

        JObject bundle = await PostAsync(http, "/v2/audit/packs", new JObject { ["from_checkpoint_id"] = checkpointId, ["to_checkpoint_id"] = checkpointId });
        answers.Add(bundle);
        answers.Add(JToken.Parse(await http.GetStringAsync($"/v2/anchors/{bundle["bundle"]!["artifacts"]!["anchors.json"]![0]!["anchor_epoch_id"]}")));

        // Every object that describes evidence carries "mock": true (receipt payloads and list items included).
        var evidence = answers.SelectMany(AllObjects).Where(o => o.ContainsKey("receipt") || o.ContainsKey("stream_id") || o.ContainsKey("window_root") || o.ContainsKey("checkpoint_hash") || o.ContainsKey("anchor_epoch_id") || o.ContainsKey("signature") || o.ContainsKey("policy_hash") || o.ContainsKey("manifest")).ToList();
        Assert.That(evidence, Is.Not.Empty);
        Assert.That(evidence.Where(o => !o.ContainsKey("witness_id")).Where(o => (bool?)o["mock"] != true).Select(o => string.Join(",", o.Properties().Select(p => p.Name))), Is.Empty);
        Assert.That(answers.SelectMany(AllObjects).Where(o => o.ContainsKey("kid")).Select(o => (string?)o["kid"]).Distinct(), Is.EqualTo(new[] { "attesto-mock-ed25519" }));
    }

    [Test]
    public async Task Mock_receipts_fail_without_opt_in_and_under_another_key()
    {
        await using var mock = MockAttesto.Start();
        AttestoClientOptions options = MockClients.Options(mock, store: new MemoryHeadStore());
        options.Proofstream.AllowMockReceipts = false;
        using var strict = new AttestoV2Client(options);
        string streamId = (await strict.CreateStreamAsync("u", "p")).StreamId!;

        var ex = await Assert.ThrowsAsync<AttestoException>(() => strict.LogEventAsync(streamId, "r1", new { n = 1 }));
        Assert.That(ex!.Message, Does.Contain("mock receipt"));
        Assert.That(await options.Proofstream.HeadStore!.GetAsync(streamId), Is.Null);

        await using var other = MockAttesto.Start();
        using var client = MockClients.Loopback(mock, null);
        StreamEventReceipt receipt = await client.LogEventAsync(streamId, "r2", new { n = 2 });
        Assert.That(Receipts.Verify(receipt.GetReceipt()!, other.PublicKeyHex, allowMock: true).Problems, Does.Contain(Receipts.SignatureMismatch));
    }

    [Test]
    public async Task A_dropped_connection_on_the_socket_is_a_connection_exception_and_a_retry_recovers()
    {
        await using var mock = MockAttesto.Start();
        using var noRetry = MockClients.Loopback(mock, null);
        mock.DropNextConnection();
        var dropped = await Assert.ThrowsAsync<AttestoConnectionException>(() => noRetry.CreateStreamAsync("u", "p"));
        Assert.That(dropped!.Status, Is.Null);

        using var retrying = MockClients.Loopback(mock, null, maxRetries: 1);
        mock.DropNextConnection();
        Assert.That((await retrying.CreateStreamAsync("u", "p")).StreamId, Does.StartWith("str_"), "the dropped attempt is retried with the same idempotency key");
        Assert.That(Assert.Throws<AttestoValidationException>(() => mock.DropNextConnection(0))!.ParamName, Is.EqualTo("count"));
    }

    [Test]
    public async Task Injected_statuses_map_to_typed_errors()
    {
        await using var mock = MockAttesto.Start();
        using var client = MockClients.Loopback(mock, null);
        mock.FailNext(503);
        await Assert.ThrowsAsync<AttestoServerException>(() => client.CreateStreamAsync("u", "p"));
        mock.FailNext(429, retryAfter: TimeSpan.FromSeconds(7));
        var limited = await Assert.ThrowsAsync<AttestoRateLimitException>(() => client.CreateStreamAsync("u", "p"));
        Assert.That((limited!.Status, limited.RetryAfter, limited.ErrorCode), Is.EqualTo(((int?)429, (TimeSpan?)TimeSpan.FromSeconds(7), "injected_failure")));
        mock.FailNext(422, errorCode: "policy_unknown");
        var refused = await Assert.ThrowsAsync<AttestoBadRequestException>(() => client.CreateStreamAsync("u", "p"));
        Assert.That((refused!.ErrorCode, (string?)refused.ResponseJson!["detail"]), Is.EqualTo(("policy_unknown", "HTTP 422 injected by MockAttesto.FailNext")));
        Assert.That(refused.Message, Is.EqualTo("POST /v2/streams failed with HTTP 422 (policy_unknown): HTTP 422 injected by MockAttesto.FailNext"));
        mock.FailNext(404, count: 2);
        await Assert.ThrowsAsync<AttestoNotFoundException>(() => client.CreateStreamAsync("u", "p"));
        await Assert.ThrowsAsync<AttestoNotFoundException>(() => client.CreateStreamAsync("u", "p"));
        Assert.That((await client.CreateStreamAsync("u", "p")).StreamId, Does.StartWith("str_"));

        using var wrongKey = new AttestoV2Client(new AttestoClientOptions("atto_test_" + new string('0', 32)) { BaseUrl = mock.BaseUrl, MaxRetries = 0, Proofstream = MockClients.Proofstream(mock, null) });
        await Assert.ThrowsAsync<AttestoAuthenticationException>(() => wrongKey.CreateStreamAsync("u", "p"));
    }

    [Test]
    public async Task Retries_recover_from_a_transient_error()
    {
        await using var mock = MockAttesto.Start();
        using var client = MockClients.Loopback(mock, null, maxRetries: 2);
        mock.FailNext(429, retryAfter: TimeSpan.Zero);
        int before = mock.RequestCount;

        Assert.That((await client.CreateStreamAsync("u", "p")).StreamId, Does.StartWith("str_"));
        Assert.That(mock.RequestCount - before, Is.EqualTo(2));
    }

    [Test]
    public async Task Protocol_mismatch_is_426_on_v2_only()
    {
        await using var mock = MockAttesto.Start();
        using var client = MockClients.Loopback(mock, null);
        mock.SimulateProtocolMismatch = true;

        var ex = await Assert.ThrowsAsync<AttestoProtocolMismatchException>(() => client.CreateStreamAsync("u", "p"));
        Assert.That(ex!.Status, Is.EqualTo(426));
        using var v1 = new AttestoClient(MockClients.Options(mock));
        Assert.That((await v1.LogEventAsync("inference", payload: new { n = 1 })).Id, Does.StartWith("evt_"));

        mock.SimulateProtocolMismatch = false;
        using var http = Raw(mock);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2/tenant/streams");
        request.Headers.Add(AttestoProtocol.ProtocolHeader, "ATTESTO-PROOFSTREAM-001/1.0");
        using HttpResponseMessage response = await http.SendAsync(request);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UpgradeRequired));
        Assert.That((string?)body["supported"], Is.EqualTo(AttestoProtocol.Version));
        Assert.That((string?)body["received"], Is.EqualTo("ATTESTO-PROOFSTREAM-001/1.0"));
    }

    [Test]
    public async Task Injected_delay_hits_the_per_attempt_timeout()
    {
        await using var mock = MockAttesto.Start();
        var options = MockClients.Options(mock);
        options.Timeout = TimeSpan.FromMilliseconds(150);
        using var client = new AttestoV2Client(options);
        mock.DelayNext(TimeSpan.FromSeconds(3));

        var ex = await Assert.ThrowsAsync<AttestoTimeoutException>(() => client.CreateStreamAsync("u", "p"));
        Assert.That(ex!.Message, Does.Contain("timed out"));
    }

    [Test]
    public async Task Idempotency_key_replays_the_first_answer()
    {
        await using var mock = MockAttesto.Start();
        using var http = Raw(mock);
        var body = new JObject { ["use_case"] = "u", ["policy_id"] = "p" };
        JObject first = await PostAsync(http, "/v2/streams", body, "key-1");
        JObject again = await PostAsync(http, "/v2/streams", body, "key-1");
        JObject other = await PostAsync(http, "/v2/streams", body, "key-2");

        Assert.That(again, Is.EqualTo(first).Using<JToken>((a, b) => JToken.DeepEquals(a, b)));
        Assert.That((string?)other["stream_id"], Is.Not.EqualTo((string?)first["stream_id"]));

        // Through the client: the caller's key travels unchanged, so a repeated call is answered from the first.
        using var client = MockClients.Loopback(mock, new MemoryHeadStore());
        string streamId = (string)first["stream_id"]!;
        StreamEventBatchResult once = await client.LogEventsAsync(streamId, MockClients.Events(1, 3), idempotencyKey: "batch-1");
        StreamEventBatchResult twice = await client.LogEventsAsync(streamId, MockClients.Events(1, 3), idempotencyKey: "batch-1");
        Assert.That(twice.Receipts!.Select(r => r.EventHash), Is.EqualTo(once.Receipts!.Select(r => r.EventHash)));
        await Assert.ThrowsAsync<AttestoValidationException>(() => client.LogEventsAsync(streamId, MockClients.Events(1, 3), idempotencyKey: "has space"));
    }

    [Test]
    public async Task In_process_handler_runs_the_same_emulator_without_a_socket()
    {
        var mock = new MockAttesto(new MockAttestoOptions { WindowSize = 4 });
        using var handler = mock.CreateHandler();
        using var http = new HttpClient(handler);
        var store = new MemoryHeadStore();
        using var client = MockClients.InProcess(mock, store, http);

        string streamId = (await client.CreateStreamAsync("u", "p")).StreamId!;
        StreamEventBatchResult result = await client.LogEventsAsync(streamId, MockClients.Events(1, 8));
        StreamEventReceipt fetched = await client.GetReceiptAsync(result.Receipts![5].StreamEventId!);

        Assert.That((await store.GetAsync(streamId))!.SeqNo, Is.EqualTo(8));
        Assert.That(Proofs.VerifyInclusion(fetched.EventHash!, fetched.Inclusion!.GetProof()!, fetched.Inclusion.WindowRoot!), Is.True);
        await mock.DisposeAsync();
    }

    [Test]
    public async Task V1_api_logs_proves_and_verifies()
    {
        await using var mock = MockAttesto.Start(new MockAttestoOptions { WindowSize = 3 });
        using var v1 = new AttestoClient(MockClients.Options(mock));
        var ids = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            ids.Add((await v1.LogEventAsync("inference", status: "verified", latencyMs: 10 + i, payload: new { n = i })).Id!);
        }

        foreach (string id in ids)
        {
            EventProof proof = await v1.GetEventProofAsync(id);
            Assert.That((await v1.VerifyPublicAsync(proof)).Ok, Is.True, id);
            EventProof tampered = AttestoModelFactory.EventProof(
                proof.CanonicalJson!.Replace("\"latency_ms\":1", "\"latency_ms\":9", StringComparison.Ordinal), proof.GetProof(), proof.BatchId);
            Assert.That((await v1.VerifyPublicAsync(tampered)).Ok, Is.False, "tampered " + id);
        }
    }

    [Test]
    public async Task Signed_connector_events_are_verified_and_witnessed()
    {
        await using var mock = MockAttesto.Start();
        var store = new MemoryHeadStore();
        using var client = MockClients.Loopback(mock, store);
        string streamId = (await client.CreateStreamAsync("u", "p")).StreamId!;
        string connectorId = mock.RegisterConnector(streamId, "s3cret");

        StreamEventReceipt receipt = await client.SubmitConnectorEventAsync(connectorId, "s3cret", "crm-42", new { ticket = 42 }, "crm.ticket");

        Assert.That(receipt.SeqNo, Is.EqualTo(1));
        Assert.That(await store.GetAsync(streamId), Is.EqualTo(new StreamHead(1, receipt.EventHash!)));
        var ex = await Assert.ThrowsAsync<AttestoAuthenticationException>(() => client.SubmitConnectorEventAsync(connectorId, "wrong", "crm-43", new { ticket = 43 }));
        Assert.That(ex!.Status, Is.EqualTo(401));
    }

    [Test]
    public async Task Remote_verify_and_policy_endpoints_answer()
    {
        await using var mock = MockAttesto.Start(new MockAttestoOptions { WindowSize = 2 });
        using var client = MockClients.Loopback(mock, null);
        string streamId = (await client.CreateStreamAsync("u", "p")).StreamId!;
        StreamEventBatchResult batch = await client.LogEventsAsync(streamId, MockClients.Events(1, 4));
        string checkpointId = mock.CreateCheckpoint(streamId);
        VerifierBundleResult bundle = await client.BuildVerifierBundleAsync(checkpointId, checkpointId);

        Assert.That((await client.VerifyReceiptAsync(batch.Receipts![0].GetReceipt()!)).Ok, Is.True);
        var tampered = (JObject)batch.Receipts[0].GetReceipt()!.DeepClone();
        tampered["payload"]!["seq_no"] = 3;
        VerificationResult rejected = await client.VerifyReceiptAsync(tampered);
        Assert.That(rejected.Problems, Does.Contain(Receipts.SignatureMismatch));
        VerificationResult bundleCheck = await client.VerifyObjectAsync("bundle", bundle.GetBundle()!);
        Assert.That((bundleCheck.Ok, bundleCheck.Kind, bundleCheck.Checked.Count), Is.EqualTo((true, "bundle", 7)));
        await Assert.ThrowsAsync<AttestoBadRequestException>(() => client.VerifyObjectAsync("teapot", new JObject()));

        WitnessPolicy policy = await client.GetWitnessPolicyAsync("p");
        Assert.That((policy.Quorum, policy.Witnesses!.Count), Is.EqualTo((2, 3)));
        Assert.That(policy.Witnesses.ToDictionary(w => w.WitnessId!, w => w.PublicKeyHex!), Is.EquivalentTo(mock.WitnessPublicKeys));
        await Assert.ThrowsAsync<AttestoBadRequestException>(() => client.GetCheckpointConsistencyAsync(checkpointId, checkpointId));
        var missing = await Assert.ThrowsAsync<AttestoNotFoundException>(() => client.GetAnchorEpochAsync("aep_missing"));
        Assert.That(missing!.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task DelayNext_delays_exactly_count_requests_on_the_emulator_clock()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        await using var mock = MockAttesto.Start(new MockAttestoOptions { TimeProvider = time });
        using var client = MockClients.Loopback(mock, null);
        mock.DelayNext(TimeSpan.FromMinutes(5), count: 2);

        foreach (int _ in new[] { 1, 2 })
        {
            DateTimeOffset start = time.GetUtcNow();
            int before = mock.RequestCount;
            Task<ProofStream> call = client.CreateStreamAsync("u", "p");
            for (int i = 0; i < 5000 && mock.RequestCount == before; i++)
            {
                await Task.Delay(1);
            }

            Assert.That(call.IsCompleted, Is.False, "held until the emulator clock moves");
            await TestSupport.FakeClock.DriveAsync(time, call, TimeSpan.FromSeconds(30));
            Assert.That(time.GetUtcNow() - start, Is.GreaterThanOrEqualTo(TimeSpan.FromMinutes(5)));
        }

        Assert.That((await client.CreateStreamAsync("u", "p")).StreamId, Does.StartWith("str_"), "the third request is not delayed");
    }

    [Test]
    public async Task Fault_hooks_refuse_unusable_arguments()
    {
        await using var mock = MockAttesto.Start();
        Assert.That(Assert.Throws<AttestoValidationException>(() => mock.FailNext(200))!.ParamName, Is.EqualTo("status"));
        Assert.That(Assert.Throws<AttestoValidationException>(() => mock.FailNext(500, count: 0))!.ParamName, Is.EqualTo("count"));
        Assert.That(Assert.Throws<AttestoValidationException>(() => mock.FailNext(429, retryAfter: TimeSpan.FromSeconds(-1)))!.ParamName, Is.EqualTo("retryAfter"));
        Assert.That(Assert.Throws<AttestoValidationException>(() => mock.DelayNext(TimeSpan.FromSeconds(-1)))!.ParamName, Is.EqualTo("delay"));
        Assert.That(Assert.Throws<AttestoValidationException>(() => mock.DelayNext(TimeSpan.Zero, 0))!.ParamName, Is.EqualTo("count"));
    }
}
