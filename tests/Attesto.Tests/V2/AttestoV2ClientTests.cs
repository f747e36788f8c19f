using System.Net;
using Attesto.Testing;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Attesto.Tests.V2;

/// <summary>The facade against canned answers (MockHttp): wire shape, validation, and fail-closed receipt handling.</summary>
public class AttestoV2ClientTests
{
    private const string ApiKey = "atto_test_0123456789abcdef0123456789abcdef";
    private static readonly Uri Base = new("https://attesto.test");

    private MockLedger _ledger = null!;
    private string _streamId = null!;
    private MockHttpMessageHandler _http = null!;
    private MemoryHeadStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _ledger = new MockLedger(new MockAttestoOptions());
        _streamId = (string)_ledger.CreateStream("u", "p")["stream_id"]!;
        _http = new MockHttpMessageHandler();
        _store = new MemoryHeadStore();
    }

    [TearDown]
    public void TearDown() => _http.Dispose();

    private AttestoV2Client Client(HttpClient http) => new(
        new AttestoClientOptions(ApiKey)
        {
            BaseUrl = Base,
            MaxRetries = 0,
            Proofstream = new ProofstreamOptions { ReceiptPublicKeyHex = _ledger.ReceiptPublicKeyHex, AllowMockReceipts = true, HeadStore = _store },
        },
        http);

    private JObject Append(int i) => _ledger.Append(_streamId, new JObject { ["source_ref"] = $"r{i}", ["event_type"] = "t", ["occurred_at"] = "2026-06-07T12:00:00+00:00", ["payload"] = new JObject { ["i"] = i } });

    private static JToken Camel(JToken token) => token switch
    {
        JObject o when o.ContainsKey("alg") => o, // the signed receipt stays exactly as signed
        JObject o => new JObject(o.Properties().Select(p => new JProperty(WireModelConverter.CamelCase(p.Name), Camel(p.Value)))),
        JArray a => new JArray(a.Select(Camel)),
        _ => token,
    };

    [Test]
    public async Task Log_event_sends_snake_case_with_protocol_headers_and_accepts_camel_case()
    {
        JObject answer = Append(1);
        string? sentBody = null;
        HttpRequestMessage? sent = null;
        _http.Expect(HttpMethod.Post, $"{Base}v2/streams/{_streamId}/events").Respond(request =>
        {
            sent = request;
            sentBody = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Camel(answer).ToString(), System.Text.Encoding.UTF8, "application/json") };
        });
        using var client = Client(_http.ToHttpClient());

        StreamEventReceipt result = await client.LogEventAsync(_streamId, "r1", new { score_bp = 8700 }, "ai.model_decision", new DateTimeOffset(2026, 6, 7, 12, 0, 0, TimeSpan.FromHours(2)), new { region = "eu" });

        _http.VerifyNoOutstandingExpectation();
        var body = (JObject)AttestoCanonicalJson.Parse(sentBody!);
        Assert.That(body.Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "source_ref", "event_type", "occurred_at", "payload", "metadata" }));
        Assert.That(body["occurred_at"]!.ToString(), Does.Contain("+02:00"));
        Assert.That(sent!.Headers.GetValues("X-Attesto-Protocol").Single(), Is.EqualTo(Attesto.Http.AttestoProtocol.Version));
        Assert.That(Guid.TryParse(sent.Headers.GetValues("Idempotency-Key").Single(), out _), Is.True, "the transport adds a UUID idempotency key");
        Assert.That(sent.Headers.Authorization!.Parameter, Is.EqualTo(ApiKey));
        Assert.That((result.StreamEventId, result.SeqNo, result.EventHash), Is.EqualTo(((string)answer["stream_event_id"]!, 1L, (string)answer["event_hash"]!)));
        Assert.That(await _store.GetAsync(_streamId), Is.EqualTo(new StreamHead(1, result.EventHash!)));
    }

    [Test]
    public async Task Tampered_receipt_is_rejected_and_the_head_stays()
    {
        JObject answer = Append(1);
        answer["receipt"]!["payload"]!["seq_no"] = 7;
        answer["seq_no"] = 7;
        _http.When("*").Respond("application/json", answer.ToString());
        using var client = Client(_http.ToHttpClient());

        var ex = await Assert.ThrowsAsync<AttestoException>(() => client.LogEventAsync(_streamId, "r1", new { i = 1 }));
        Assert.That(ex!.Message, Does.Contain("receipt signature mismatch"));
        Assert.That(await _store.GetAsync(_streamId), Is.Null);
    }

    [TestCase("seq_no", 5L)]
    [TestCase("event_hash", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [TestCase("stream_id", "str_other")]
    public async Task Envelope_that_disagrees_with_the_signed_receipt_is_rejected(string field, object value)
    {
        JObject answer = Append(1);
        answer[field] = JToken.FromObject(value);
        _http.When("*").Respond("application/json", answer.ToString());
        using var client = Client(_http.ToHttpClient());

        var ex = await Assert.ThrowsAsync<AttestoException>(() => client.LogEventAsync(_streamId, "r1", new { i = 1 }));
        Assert.That(ex!.Message, Does.Contain("disagree"));
    }

    [Test]
    public async Task Receipt_for_another_stream_or_without_receipt_is_rejected()
    {
        string other = (string)_ledger.CreateStream("u", "p")["stream_id"]!;
        JObject foreign = _ledger.Append(other, new JObject { ["source_ref"] = "x", ["occurred_at"] = "2026-06-07T12:00:00+00:00", ["payload"] = new JObject() });
        foreign.Remove("stream_id");
        _http.When("*").Respond("application/json", foreign.ToString());
        using var client = Client(_http.ToHttpClient());
        var ex = await Assert.ThrowsAsync<AttestoException>(() => client.LogEventAsync(_streamId, "r1", new { i = 1 }));
        Assert.That(ex!.Message, Does.Contain("signed for stream"));

        _http.Clear();
        JObject unsigned = Append(1);
        unsigned.Remove("receipt");
        _http.When("*").Respond("application/json", unsigned.ToString());
        ex = await Assert.ThrowsAsync<AttestoException>(() => client.LogEventAsync(_streamId, "r1", new { i = 1 }));
        Assert.That(ex!.Message, Does.Contain("no signed receipt"));
    }

    [Test]
    public async Task Batch_must_return_one_verified_receipt_per_event()
    {
        var receipts = new JArray(Append(1), Append(2));
        _http.When("*").Respond("application/json", new JObject { ["accepted"] = 3, ["items"] = receipts }.ToString());
        using var client = Client(_http.ToHttpClient());

        var ex = await Assert.ThrowsAsync<AttestoException>(() => client.LogEventsAsync(_streamId, Events(3)));
        Assert.That(ex!.Message, Does.Contain("every event must come back signed"));
        Assert.That(await _store.GetAsync(_streamId), Is.Null);
    }

    [Test]
    public async Task Batch_read_from_the_items_alias_advances_the_head_once()
    {
        var receipts = new JArray(Append(2), Append(1), Append(3));
        _http.When("*").Respond("application/json", new JObject { ["accepted"] = 3, ["items"] = receipts }.ToString());
        using var client = Client(_http.ToHttpClient());

        StreamEventBatchResult result = await client.LogEventsAsync(_streamId, Events(3));

        Assert.That(result.Receipts, Has.Count.EqualTo(3));
        Assert.That((await _store.GetAsync(_streamId))!.SeqNo, Is.EqualTo(3));
    }

    [Test]
    public async Task Local_validation_happens_before_anything_is_sent()
    {
        using var client = Client(_http.ToHttpClient());

        await Assert.ThrowsAsync<AttestoValidationException>(() => client.LogEventsAsync(_streamId, Events(1001)));
        await Assert.ThrowsAsync<AttestoValidationException>(() => client.LogEventsAsync(_streamId, []));
        await Assert.ThrowsAsync<AttestoValidationException>(() => client.LogEventsAsync(_streamId, null!));
        await Assert.ThrowsAsync<AttestoValidationException>(() => client.LogEventAsync(" ", "r", new { }));
        await Assert.ThrowsAsync<AttestoValidationException>(() => client.LogEventAsync(_streamId, "", new { }));
        await Assert.ThrowsAsync<AttestoValidationException>(() => client.LogEventAsync(_streamId, "r", new { }, occurredAt: new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)));
        var unsafeNumber = await Assert.ThrowsAsync<AttestoUnsafeNumberException>(() => client.LogEventAsync(_streamId, "r", new { score = 0.87 }));
        Assert.That(unsafeNumber!.Path, Does.Contain("score"));
        await Assert.ThrowsAsync<AttestoValidationException>(() => client.CreateStreamAsync("", "p"));
        await Assert.ThrowsAsync<AttestoValidationException>(() => client.GetCheckpointConsistencyAsync("chk", ""));
        await Assert.ThrowsAsync<AttestoValidationException>(() => client.VerifyObjectAsync("receipt", null!));
        Assert.That(_http.GetMatchCount(_http.When("*")), Is.Zero);
    }

    [Test]
    public void Constructor_requires_a_usable_receipt_key()
    {
        AttestoClientOptions With(ProofstreamOptions proofstream, string key = ApiKey) => new(key) { BaseUrl = Base, Proofstream = proofstream };
        var badKey = Assert.Throws<AttestoValidationException>(() => _ = new AttestoV2Client(With(new ProofstreamOptions { ReceiptPublicKeyHex = "zz", HeadStore = null })));
        Assert.That(badKey!.ParamName, Is.EqualTo("options.Proofstream.ReceiptPublicKeyHex"));
        Assert.That(badKey.Message, Does.StartWith("options.Proofstream.ReceiptPublicKeyHex"));
        var pageSize = Assert.Throws<AttestoValidationException>(() => _ = new AttestoV2Client(With(new ProofstreamOptions { ReceiptPublicKeyHex = _ledger.ReceiptPublicKeyHex, PageSize = 0, HeadStore = null })));
        Assert.That(pageSize!.ParamName, Is.EqualTo("options.Proofstream.PageSize"));
        var apiKey = Assert.Throws<AttestoValidationException>(() => _ = new AttestoV2Client(With(new ProofstreamOptions { ReceiptPublicKeyHex = _ledger.ReceiptPublicKeyHex, HeadStore = null }, "bad-key")));
        Assert.That(apiKey!.ParamName, Is.EqualTo("options.ApiKey"));
        var http = Assert.Throws<AttestoValidationException>(() => _ = new AttestoV2Client(With(new ProofstreamOptions { ReceiptPublicKeyHex = _ledger.ReceiptPublicKeyHex, HeadStore = null }), null!));
        Assert.That(http!.ParamName, Is.EqualTo("httpClient"));
        var options = Assert.Throws<AttestoValidationException>(() => _ = new AttestoV2Client((AttestoClientOptions)null!));
        Assert.That(options!.ParamName, Is.EqualTo("options"));
        var proofstream = Assert.Throws<AttestoValidationException>(() => _ = new AttestoV2Client(With(null!)));
        Assert.That(proofstream!.ParamName, Is.EqualTo("options.Proofstream"));
    }

    [Test]
    public async Task Ambiguous_or_malformed_answers_are_typed_errors()
    {
        JObject answer = Append(1);
        answer["seqNo"] = 2; // both spellings, different values
        _http.When("*").Respond("application/json", answer.ToString());
        using var client = Client(_http.ToHttpClient());
        await Assert.ThrowsAsync<AttestoException>(() => client.LogEventAsync(_streamId, "r1", new { i = 1 }));

        _http.Clear();
        _http.When("*").Respond("application/json", "{\"stream_id\":\"a\",\"stream_id\":\"b\"}");
        await Assert.ThrowsAsync<AttestoException>(() => client.CreateStreamAsync("u", "p"));

        _http.Clear();
        _http.When("*").Respond("application/json", "{\"checkpoint_id\":\"c2\",\"step_count\":0}");
        await Assert.ThrowsAsync<AttestoException>(() => client.GetCheckpointConsistencyAsync("c2", "c1"));
    }

    [Test]
    public async Task Pages_may_be_bare_arrays_or_wrapped()
    {
        _http.When($"{Base}v2/windows").WithQueryString("limit", "2").WithQueryString("offset", "0")
            .Respond("application/json", "[{\"window_id\":\"w1\",\"fromSeqNo\":1,\"to_seq_no\":1,\"window_root\":\"aa\"},{\"id\":\"w2\",\"from_seq_no\":2,\"to_seq_no\":2,\"windowRoot\":\"bb\"}]");
        _http.When($"{Base}v2/windows").WithQueryString("limit", "2").WithQueryString("offset", "2")
            .Respond("application/json", "{\"data\":[{\"window_id\":\"w3\",\"from_seq_no\":3,\"to_seq_no\":3,\"window_root\":\"cc\"}],\"total\":3}");
        using var client = Client(_http.ToHttpClient());

        var windows = new List<Window>();
        await foreach (Window w in client.GetAllWindowsAsync(pageSize: 2))
        {
            windows.Add(w);
        }

        Assert.That(windows.Select(w => (w.WindowId, w.FromSeqNo, w.WindowRoot)), Is.EqualTo(new[] { ("w1", (long?)1, "aa"), ("w2", 2, "bb"), ("w3", 3, "cc") }));
    }

    [Test]
    public async Task Oversized_page_stops_the_iterator()
    {
        _http.When("*").Respond("application/json", "[{\"window_id\":\"w1\"},{\"window_id\":\"w2\"},{\"window_id\":\"w3\"}]");
        using var client = Client(_http.ToHttpClient());

        await Assert.ThrowsAsync<AttestoException>(async () =>
        {
            await foreach (Window _ in client.GetAllWindowsAsync(pageSize: 2))
            {
            }
        });
    }

    [Test]
    public void Binding_a_callers_token_leaves_it_untouched()
    {
        JObject answer = (JObject)Camel(Append(1));
        string before = answer.ToString();

        StreamEventReceipt bound = answer.ToObject<StreamEventReceipt>()!;

        Assert.That(answer.ToString(), Is.EqualTo(before));
        Assert.That(bound.GetReceipt(), Is.Not.Null);
        Assert.That(bound.SeqNo, Is.EqualTo(1));
    }

    private static IEnumerable<StreamEventInput> Events(int count) => Enumerable.Range(1, count).Select(i => new StreamEventInput($"r{i}", new { i }));
}
