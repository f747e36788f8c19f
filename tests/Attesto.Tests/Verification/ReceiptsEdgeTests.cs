using Newtonsoft.Json.Linq;
using Shared.Crypto;
using TestSupport;

namespace Attesto.Tests.Verification;

/// <summary>Receipt verification edges, the bulk receipt entry points and the write-path receipt guard.</summary>
public class ReceiptsEdgeTests
{
    private static readonly JObject File = Vectors.Read("receipt.proposed.json");
    private static readonly string PublicKey = (string)File["public_key_hex"]!;
    private static readonly Ed25519PrivateKey Key = Ed25519PrivateKey.FromBytes(Hex.Decode((string)File["private_key_hex_TEST_ONLY"]!));
    private static readonly string EventHash = new('e', 64);
    private static readonly string PreviousHash = new('0', 64);

    private static JObject ValidReceipt() => (JObject)Vectors.Cases("receipt.proposed.json").First(c => (string)c["name"]! == "valid")["receipt"]!.DeepClone();

    private static JObject Signed(JObject payload, bool mock = false) => ReceiptSigning.Sign(payload, Key, "attesto-test-ed25519", mock);

    [Test]
    public void A_receipt_that_is_not_an_object_is_not_mock_and_has_no_digest()
    {
        ReceiptVerificationReport report = Receipts.Verify(new JArray(), PublicKey);
        Assert.That(report.Problems, Is.EqualTo(new[] { Receipts.MalformedPayload }));
        Assert.That(report.IsMock, Is.False);
        Assert.That(report.DigestHex, Is.Null);
    }

    [Test]
    public void A_receipt_without_payload_has_no_digest()
    {
        JObject receipt = ValidReceipt();
        receipt.Remove("payload");
        ReceiptVerificationReport report = Receipts.Verify(receipt, PublicKey);
        Assert.That(report.Problems, Is.EqualTo(new[] { Receipts.MalformedPayload }));
        Assert.That(report.DigestHex, Is.Null);
    }

    [Test]
    public void A_carried_receipt_hash_is_checked()
    {
        JObject receipt = ValidReceipt();
        receipt["receipt_hash"] = new string('1', 64);
        Assert.That(Receipts.Verify(receipt, PublicKey).Problems, Is.EqualTo(new[] { Receipts.HashMismatch }));

        receipt["receipt_hash"] = Receipts.Verify(ValidReceipt(), PublicKey).DigestHex;
        Assert.That(Receipts.Verify(receipt, PublicKey).Problems, Is.Empty);
    }

    [Test]
    public void Mock_is_read_from_the_receipt_or_its_payload_alone()
    {
        JObject outer = Signed((JObject)ValidReceipt()["payload"]!, mock: true);
        JObject payloadMock = (JObject)ValidReceipt()["payload"]!;
        payloadMock["mock"] = true;
        JObject inner = Signed(payloadMock);
        JObject plain = Signed((JObject)ValidReceipt()["payload"]!);

        Assert.That(Receipts.Verify(outer, PublicKey).Problems, Is.EqualTo(new[] { Receipts.MockReceipt }));
        Assert.That(Receipts.Verify(outer, PublicKey, allowMock: true).IsMock, Is.True);
        Assert.That(Receipts.Verify(inner, PublicKey).Problems, Is.EqualTo(new[] { Receipts.MockReceipt }));
        Assert.That(Receipts.Verify(inner, PublicKey, allowMock: true).IsMock, Is.True);
        Assert.That(Receipts.Verify(plain, PublicKey).IsMock, Is.False);
        Assert.That(Receipts.Verify(plain, PublicKey).Problems, Is.Empty);
    }

    [Test]
    public void Null_and_non_hex_public_keys_are_malformed_not_exceptions()
    {
        Assert.That(Receipts.Verify(ValidReceipt(), null!).Problems, Is.EqualTo(new[] { Receipts.MalformedPublicKey }));
        Assert.That(Receipts.Verify(ValidReceipt(), new string('z', 64)).Problems, Is.EqualTo(new[] { Receipts.MalformedPublicKey }));
        Assert.That(Receipts.Verify(ValidReceipt(), PublicKey + "00").Problems, Is.EqualTo(new[] { Receipts.MalformedPublicKey }));
        Assert.That(Receipts.Verify(ValidReceipt(), PublicKey.ToUpperInvariant()).Problems, Is.Empty);
    }

    [Test]
    [NonParallelizable]
    public void The_decoded_key_cache_holds_at_most_64_keys()
    {
        var cache = (System.Collections.IDictionary)typeof(Receipts).GetField("KeyCache", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
        string[] keys = Enumerable.Range(1, 65)
            .Select(i => Ed25519PrivateKey.FromBytes(Hashes.Sha256([(byte)i, 0xca, 0xc4])).PublicKey.ToHex())
            .ToArray();
        cache.Clear();

        var counts = new List<int>();
        foreach (string key in keys)
        {
            Assert.That(Receipts.Verify(ValidReceipt(), key).Problems, Is.EqualTo(new[] { Receipts.SignatureMismatch }));
            counts.Add(cache.Count);
        }

        Assert.That(counts.Take(64), Is.EqualTo(Enumerable.Range(1, 64)), "every new key is cached until the bound");
        Assert.That(counts[64], Is.EqualTo(1), "the 65th key starts a fresh cache");
    }

    // Bulk

    private static string Export(JObject receipt) => new JObject { ["format"] = ReceiptExportDocument.FormatName, ["receipt"] = receipt }.ToString();

    private static readonly string[] ExpectedBulk = ["ok", "ok", Receipts.MalformedPayload, Receipts.MalformedPayload, Receipts.SignatureMismatch];

    private static string?[] Documents()
    {
        JObject tampered = ValidReceipt();
        tampered["payload"]!["seq_no"] = 2;
        return [ValidReceipt().ToString(), Export(ValidReceipt()), "{not json", null, tampered.ToString()];
    }

    private static string Outcome(BulkResult<ReceiptVerificationReport> result) =>
        result.Value!.Ok ? "ok" : string.Join(",", result.Value.Problems);

    [Test]
    public async Task Bulk_receipts_unwrap_exports_and_report_each_document()
    {
        var results = new List<BulkResult<ReceiptVerificationReport>>();
        await foreach (var result in Receipts.VerifyManyAsync(Documents(), PublicKey))
        {
            results.Add(result);
        }

        Assert.That(results.Select(r => r.Index), Is.EqualTo(new long[] { 0, 1, 2, 3, 4 }));
        Assert.That(results.Select(Outcome), Is.EqualTo(ExpectedBulk));
        Assert.That(results[2].Value!.IsMock, Is.False);
        Assert.That(results[2].Value!.DigestHex, Is.Null);
    }

    [Test]
    public async Task Streamed_receipts_give_the_same_answers()
    {
        var results = new List<BulkResult<ReceiptVerificationReport>>();
        await foreach (var result in Receipts.VerifyStreamAsync(AsyncSequence.Yielding(Documents()), PublicKey))
        {
            results.Add(result);
        }

        Assert.That(results.Select(Outcome), Is.EqualTo(ExpectedBulk));
    }

    [Test]
    public void An_export_of_another_format_is_verified_as_it_stands()
    {
        string other = new JObject { ["format"] = "something-else", ["receipt"] = ValidReceipt() }.ToString();
        Assert.That(Receipts.VerifyDocument(other, PublicKey, allowMock: false).Ok, Is.False);
        Assert.That(Receipts.VerifyDocument(Export(ValidReceipt()), PublicKey, allowMock: false).Ok, Is.True);
    }

    [Test]
    public void Bulk_receipts_without_documents_or_key_are_typed_errors()
    {
        string?[] documents = [];
        Assert.That(Assert.Throws<AttestoValidationException>(() => Receipts.VerifyManyAsync(null!, PublicKey))!.ParamName, Is.EqualTo("documents"));
        Assert.That(Assert.Throws<AttestoValidationException>(() => Receipts.VerifyManyAsync(documents, null!))!.ParamName, Is.EqualTo("publicKeyHex"));
        Assert.That(Assert.Throws<AttestoValidationException>(() => Receipts.VerifyStreamAsync(null!, PublicKey))!.ParamName, Is.EqualTo("documents"));
        Assert.That(Assert.Throws<AttestoValidationException>(() => Receipts.VerifyStreamAsync(AsyncSequence.Yielding(documents), null!))!.ParamName, Is.EqualTo("publicKeyHex"));
    }

    // ReceiptGuard

    private static WitnessedEvent Guard(JObject payload, StreamEventReceipt? envelope = null) =>
        new ReceiptGuard(PublicKey, allowMock: false).Check("append", "str_g", envelope ?? new StreamEventReceipt { StreamEventId = "sev_1", ReceiptJson = Signed(payload) });

    private static JObject Payload(long seqNo = 0) => new() { ["stream_id"] = "str_g", ["seq_no"] = seqNo, ["event_hash"] = EventHash };

    [Test]
    public void Guard_accepts_seq_no_zero_without_a_previous_hash_under_snake_case_names()
    {
        Assert.That(Guard(Payload()), Is.EqualTo(new WitnessedEvent(0, EventHash, null)));
    }

    [TestCase("previous_event_hash")]
    [TestCase("prev_event_hash")]
    [TestCase("previousEventHash")]
    [TestCase("prevEventHash")]
    public void Guard_reads_every_previous_hash_alias(string name)
    {
        JObject payload = Payload(3);
        payload[name] = PreviousHash.Replace('0', 'C');
        Assert.That(Guard(payload), Is.EqualTo(new WitnessedEvent(3, EventHash, new string('c', 64))));
    }

    [Test]
    public void Guard_lists_every_verification_problem()
    {
        JObject receipt = Signed(Payload());
        receipt["alg"] = "HS256";
        receipt["signature"] = "zz";
        var error = Assert.Throws<AttestoException>(() => Guard(Payload(), new StreamEventReceipt { StreamEventId = "sev_1", ReceiptJson = receipt }));
        Assert.That(error!.Message, Is.EqualTo("append: the receipt failed offline verification: unsupported receipt alg; malformed receipt signature."));
    }

    [Test]
    public void Guard_refuses_a_negative_seq_no_with_its_message()
    {
        var error = Assert.Throws<AttestoException>(() => Guard(Payload(-1)));
        Assert.That(error!.Message, Is.EqualTo("append: the signed receipt payload lacks a valid seq_no, event_hash or previous_event_hash."));
    }

    [Test]
    public void Guard_reads_the_camel_case_payload_names()
    {
        var payload = new JObject { ["streamId"] = "str_g", ["seqNo"] = 4, ["eventHash"] = EventHash.ToUpperInvariant() };
        Assert.That(Guard(payload), Is.EqualTo(new WitnessedEvent(4, EventHash, null)));
    }

    [TestCase("seq_no")]
    [TestCase("event_hash")]
    [TestCase("previous_event_hash")]
    [TestCase("stream_id")]
    public void Guard_refuses_an_envelope_that_disagrees_with_its_signed_receipt(string field)
    {
        JObject payload = Payload(3);
        payload["previous_event_hash"] = PreviousHash;
        StreamEventReceipt envelope = Envelope(payload) switch
        {
            var e when field == "seq_no" => With(e, seqNo: 4),
            var e when field == "event_hash" => With(e, eventHash: new string('f', 64)),
            var e when field == "previous_event_hash" => With(e, previous: new string('f', 64)),
            var e => With(e, streamId: "str_other"),
        };

        var error = Assert.Throws<AttestoException>(() => Guard(payload, envelope));
        Assert.That(error!.Message, Is.EqualTo("append: the answer's seq_no/event_hash/previous_event_hash/stream_id disagree with its signed receipt."));
    }

    [Test]
    public void Guard_accepts_an_envelope_that_agrees_in_another_letter_case()
    {
        JObject payload = Payload(3);
        payload["previous_event_hash"] = PreviousHash.Replace('0', 'a');
        StreamEventReceipt envelope = With(Envelope(payload), seqNo: 3, eventHash: EventHash.ToUpperInvariant(), previous: new string('A', 64), streamId: "str_g");

        Assert.That(Guard(payload, envelope), Is.EqualTo(new WitnessedEvent(3, EventHash, new string('a', 64))));
    }

    private static StreamEventReceipt Envelope(JObject payload) => new() { StreamEventId = "sev_1", ReceiptJson = Signed(payload) };

    private static StreamEventReceipt With(StreamEventReceipt e, long? seqNo = null, string? eventHash = null, string? previous = null, string? streamId = null) => new()
    {
        StreamEventId = e.StreamEventId, ReceiptJson = e.ReceiptJson, SeqNo = seqNo, EventHash = eventHash, PreviousEventHash = previous, StreamId = streamId,
    };
}
