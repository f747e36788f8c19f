using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Verification;

public class ReceiptExportTests
{
    private static JObject File => Vectors.Read("receipt-export.derived.json");

    private static JObject Example => (JObject)File["example"]!;

    [Test]
    public void Parsing_and_serialising_the_example_round_trips_byte_for_byte()
    {
        string text = Example.ToString(Formatting.Indented);
        ReceiptExportDocument document = ReceiptExport.Parse(text);
        Assert.That(ReceiptExport.Serialize(document), Is.EqualTo(text));
    }

    [Test]
    public void Creating_from_the_receipt_picks_the_fields_from_the_receipt_payload()
    {
        ReceiptExportDocument document = ReceiptExport.Create(
            (JObject)Example["receipt"]!,
            new DateTimeOffset(2026, 6, 7, 14, 0, 0, TimeSpan.FromHours(2)),
            (string)Example["witness_public_key_hex"]!);
        Assert.That(ReceiptExport.Serialize(document), Is.EqualTo(Example.ToString(Formatting.Indented)));
    }

    [Test]
    public void Constants_match()
    {
        Assert.That((string)Example["format"]!, Is.EqualTo(ReceiptExportDocument.FormatName));
        Assert.That((int)Example["format_version"]!, Is.EqualTo(ReceiptExportDocument.CurrentFormatVersion));
    }

    [Test]
    public void Empty_optional_fields_are_omitted()
    {
        var receipt = new JObject { ["alg"] = "Ed25519", ["signature"] = "00" };
        JObject written = Vectors.Parse(ReceiptExport.Serialize(ReceiptExport.Create(receipt, DateTimeOffset.UnixEpoch)));
        string[] omitted = File["omit_when_empty"]!.Select(t => (string)t!).ToArray();
        foreach (string name in omitted)
        {
            Assert.That(written.ContainsKey(name), Is.False, name);
        }

        Assert.That(written.Properties().Select(p => p.Name), Is.EqualTo(new[] { "format", "format_version", "exported_at", "receipt" }));
        Assert.That((string?)written["exported_at"], Is.EqualTo("1970-01-01T00:00:00.000Z"));
    }

    [Test]
    public void Camel_case_receipt_payload_fields_are_picked_second()
    {
        var receipt = new JObject { ["payload"] = new JObject { ["streamId"] = "str_c", ["seqNo"] = 7, ["eventHash"] = "ab" } };
        ReceiptExportDocument document = ReceiptExport.Create(receipt, DateTimeOffset.UnixEpoch);
        Assert.That((document.StreamId, document.SeqNo, document.EventHash), Is.EqualTo(("str_c", (long?)7, "ab")));
        var both = new JObject { ["payload"] = new JObject { ["stream_id"] = "snake", ["streamId"] = "camel" } };
        Assert.That(ReceiptExport.Create(both, DateTimeOffset.UnixEpoch).StreamId, Is.EqualTo("snake"));
    }

    [Test]
    public void Payload_and_its_commitment_are_included()
    {
        var payload = new JObject { ["decision"] = "approve", ["score_bp"] = 8700 };
        ReceiptExportDocument document = ReceiptExport.Create((JObject)Example["receipt"]!, DateTimeOffset.UnixEpoch, payload: payload);
        JObject written = Vectors.Parse(ReceiptExport.Serialize(document));
        Assert.That(PayloadCommitment.Verify(written["payload"], written["payload_commitment"]!), Is.True);
        Assert.That(written.Properties().Select(p => p.Name).TakeLast(2), Is.EqualTo(new[] { "payload", "payload_commitment" }));
    }

    [TestCase("{}")]
    [TestCase("[]")]
    [TestCase("null")]
    public void An_empty_payload_writes_neither_payload_nor_commitment(string payloadJson)
    {
        JToken payload = JToken.Parse(payloadJson);
        ReceiptExportDocument document = ReceiptExport.Create((JObject)Example["receipt"]!, DateTimeOffset.UnixEpoch, payload: payload);
        Assert.That((document.Payload, document.PayloadCommitment), Is.EqualTo(((JToken?)null, (JObject?)null)));
        JObject written = Vectors.Parse(ReceiptExport.Serialize(document));
        Assert.That(written.ContainsKey("payload") || written.ContainsKey("payload_commitment"), Is.False, written.ToString());
    }

    [TestCase("{}")]
    [TestCase("[]")]
    public void An_empty_payload_set_on_a_document_is_not_written(string payloadJson)
    {
        var document = new ReceiptExportDocument("2026-06-07T12:00:00.000Z", (JObject)Example["receipt"]!) { Payload = JToken.Parse(payloadJson) };
        Assert.That(Vectors.Parse(ReceiptExport.Serialize(document)).ContainsKey("payload"), Is.False);
    }

    [Test]
    public async Task File_round_trip_and_the_exported_receipt_still_verifies()
    {
        string path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.attesto.json");
        try
        {
            ReceiptExportDocument document = ReceiptExport.Parse(Example.ToString());
            await ReceiptExport.WriteFileAsync(path, document);
            ReceiptExportDocument read = await ReceiptExport.ReadFileAsync(path);
            Assert.That(Receipts.Verify(read.Receipt, read.WitnessPublicKeyHex!).Ok, Is.True);
            Assert.That(System.IO.File.ReadAllBytes(path)[0], Is.EqualTo((byte)'{'), "no BOM");
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [TestCase("[]")]
    [TestCase("{\"format\":\"other\",\"format_version\":1,\"exported_at\":\"x\",\"receipt\":{}}")]
    [TestCase("{\"format\":\"attesto-receipt-export\",\"format_version\":2,\"exported_at\":\"x\",\"receipt\":{}}")]
    [TestCase("{\"format\":\"attesto-receipt-export\",\"format_version\":\"1\",\"exported_at\":\"x\",\"receipt\":{}}")]
    [TestCase("{\"format\":\"attesto-receipt-export\",\"format_version\":1,\"receipt\":{}}")]
    [TestCase("{\"format\":\"attesto-receipt-export\",\"format_version\":1,\"exported_at\":\"x\"}")]
    public void Invalid_exports_are_rejected(string json) =>
        Assert.Throws<AttestoValidationException>(() => ReceiptExport.Parse(json));
}
