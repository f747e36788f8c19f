using System.Net;
using Attesto.Testing;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Attesto.Tests.Client;

/// <summary>The event-object overloads of <c>LogEventAsync</c> (v1 and v2) and the field overloads that delegate to them.</summary>
public class EventObjectOverloadTests
{
    private const string EventsUrl = "https://verify.attesto.eu/v1/sdk/events";
    private const string Ack = """{"id":"evt_1","system_id":"sys_1","ts":"2026-06-07T12:00:00.000000+00:00"}""";

    [Test]
    public async Task V1_event_object_sends_the_same_body_as_the_field_overload_with_the_callers_key()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json(HttpStatusCode.OK, Ack));
        var ts = new DateTimeOffset(2026, 6, 7, 12, 0, 0, TimeSpan.Zero);

        EventAck byObject = await h.Client.LogEventAsync(
            new AttestoEvent("inference") { Status = "verified", Ts = ts, LatencyMs = 7, Payload = new { score_bp = 1 }, SourceRef = "run-1" },
            idempotencyKey: "key-object");
        await h.Client.LogEventAsync("inference", status: "verified", ts: ts, latencyMs: 7, payload: new { score_bp = 1 }, sourceRef: "run-1", idempotencyKey: "key-fields");

        Assert.That(byObject.Id, Is.EqualTo("evt_1"));
        ClientHarness.Captured[] sent = [.. h.Requests];
        Assert.That(sent, Has.Length.EqualTo(2));
        Assert.That(sent[0].Body, Is.EqualTo(sent[1].Body));
        Assert.That(sent[0].Header("Idempotency-Key"), Is.EqualTo("key-object"));
        Assert.That(sent[1].Header("Idempotency-Key"), Is.EqualTo("key-fields"));
        Assert.That((string?)JObject.Parse(sent[0].Body)["source_ref"], Is.EqualTo("run-1"));
    }

    [Test]
    public async Task V1_null_event_is_a_validation_error_and_nothing_is_sent()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json(HttpStatusCode.OK, Ack));
        var ex = await Assert.ThrowsAsync<AttestoValidationException>(() => h.Client.LogEventAsync((AttestoEvent)null!));
        Assert.That(ex!.Message, Does.StartWith("evt"));
        Assert.That(h.Requests, Is.Empty);
    }

    [Test]
    public async Task An_invalid_event_field_is_named_by_its_wire_path_in_ParamName()
    {
        using var h = new ClientHarness();
        var unspecified = new DateTime(2026, 6, 7, 12, 0, 0, DateTimeKind.Unspecified);

        var type = await Assert.ThrowsAsync<AttestoValidationException>(() => h.Client.LogEventAsync(new AttestoEvent(" ")));
        var latency = await Assert.ThrowsAsync<AttestoValidationException>(() => h.Client.LogEventAsync(new AttestoEvent("x") { LatencyMs = -1 }));
        var ts = await Assert.ThrowsAsync<AttestoValidationException>(() => h.Client.LogEventAsync(new AttestoEvent("x") { Ts = unspecified }));
        var occurred = await Assert.ThrowsAsync<AttestoValidationException>(() => h.Client.LogEventAsync(new AttestoEvent("x") { OccurredAt = unspecified }));
        var inBatch = await Assert.ThrowsAsync<AttestoValidationException>(() => h.Client.LogEventsAsync([new AttestoEvent("x"), new AttestoEvent("")]));

        Assert.That(type!.ParamName, Is.EqualTo("event.type"));
        Assert.That(latency!.ParamName, Is.EqualTo("event.latency_ms"));
        Assert.That(ts!.ParamName, Is.EqualTo("event.ts"));
        Assert.That(occurred!.ParamName, Is.EqualTo("event.occurred_at"));
        Assert.That(inBatch!.ParamName, Is.EqualTo("events[1].type"));
        Assert.That(inBatch.Message, Does.StartWith("events[1].type "));
        Assert.That(h.Requests, Is.Empty);
    }

    [Test]
    public async Task V2_an_invalid_stream_event_field_is_named_by_its_wire_path_in_ParamName()
    {
        using var client = new AttestoV2Client(new AttestoClientOptions(ClientHarness.Key)
        {
            BaseUrl = new Uri("https://attesto.test"),
            Proofstream = new ProofstreamOptions { ReceiptPublicKeyHex = "5866666666666666666666666666666666666666666666666666666666666666", ForkDetection = false },
        }, new MockHttpMessageHandler().ToHttpClient());

        var source = await Assert.ThrowsAsync<AttestoValidationException>(() => client.LogEventAsync("ps_1", new StreamEventInput("", null)));
        var occurred = await Assert.ThrowsAsync<AttestoValidationException>(() => client.LogEventAsync(
            "ps_1", new StreamEventInput("r1", null) { OccurredAt = new DateTime(2026, 6, 7, 12, 0, 0, DateTimeKind.Unspecified) }));

        Assert.That(source!.ParamName, Is.EqualTo("event.source_ref"));
        Assert.That(occurred!.ParamName, Is.EqualTo("event.occurred_at"));
    }

    [Test]
    public async Task V1_preflight_flag_of_the_object_overload_is_honoured()
    {
        using var h = new ClientHarness();
        h.Answer(HttpMethod.Post, EventsUrl, ClientHarness.Json(HttpStatusCode.OK, Ack));
        var unsafeEvent = new AttestoEvent("inference") { Payload = new JObject { ["n"] = 9007199254740993 } };

        await Assert.ThrowsAsync<AttestoUnsafeNumberException>(() => h.Client.LogEventAsync(unsafeEvent));
        Assert.That(h.Requests, Is.Empty);
        await h.Client.LogEventAsync(unsafeEvent, preflight: false);
        Assert.That(h.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task V2_event_object_sends_the_callers_idempotency_key_and_returns_the_verified_receipt()
    {
        var ledger = new MockLedger(new MockAttestoOptions());
        string streamId = (string)ledger.CreateStream("u", "p")["stream_id"]!;
        using var http = new MockHttpMessageHandler();
        string? key = null;
        JObject? sentBody = null;
        http.Expect(HttpMethod.Post, $"https://attesto.test/v2/streams/{streamId}/events").Respond(request =>
        {
            key = request.Headers.GetValues("Idempotency-Key").Single();
            sentBody = (JObject)Shared.Crypto.CanonicalJson.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult(), AttestoCanonicalJson.Options);
            JObject answer = ledger.Append(streamId, sentBody);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer.ToString(), System.Text.Encoding.UTF8, "application/json") };
        });
        using var client = new AttestoV2Client(
            new AttestoClientOptions("atto_test_0123456789abcdef0123456789abcdef")
            {
                BaseUrl = new Uri("https://attesto.test"),
                MaxRetries = 0,
                Proofstream = new ProofstreamOptions { ReceiptPublicKeyHex = ledger.ReceiptPublicKeyHex, AllowMockReceipts = true, HeadStore = new MemoryHeadStore() },
            },
            http.ToHttpClient());

        var input = new StreamEventInput("r1", new { score_bp = 8700 }) { EventType = "ai.model_decision", OccurredAt = new DateTimeOffset(2026, 6, 7, 12, 0, 0, TimeSpan.Zero) };
        StreamEventReceipt result = await client.LogEventAsync(streamId, input, "idem-1");

        Assert.That(key, Is.EqualTo("idem-1"));
        Assert.That((string?)sentBody!["source_ref"], Is.EqualTo("r1"));
        Assert.That((string?)sentBody["event_type"], Is.EqualTo("ai.model_decision"));
        Assert.That(result.StreamEventId, Does.StartWith("sev_"));
        Assert.That(result.SeqNo, Is.EqualTo(0).Or.EqualTo(1));
        Assert.That(Receipts.Verify(result.GetReceipt()!, ledger.ReceiptPublicKeyHex, allowMock: true).Ok, Is.True);
        http.VerifyNoOutstandingExpectation();
    }
}
