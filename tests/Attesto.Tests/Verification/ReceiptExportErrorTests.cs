using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Verification;

/// <summary>What a rejected receipt export says, the file path guard, and that file reads do not capture the caller's context.</summary>
public class ReceiptExportErrorTests
{
    [TestCase("[]", "A receipt export must be a JSON object.")]
    [TestCase("{\"format\":\"other\",\"format_version\":1,\"exported_at\":\"x\",\"receipt\":{}}", "Not an Attesto receipt export: 'format' must be 'attesto-receipt-export'.")]
    [TestCase("{\"format\":\"attesto-receipt-export\",\"format_version\":2,\"exported_at\":\"x\",\"receipt\":{}}", "Unsupported receipt export 'format_version'; this SDK reads version 1.")]
    [TestCase("{\"format\":\"attesto-receipt-export\",\"format_version\":1,\"receipt\":{}}", "The receipt export has no 'exported_at'.")]
    [TestCase("{\"format\":\"attesto-receipt-export\",\"format_version\":1,\"exported_at\":\"x\",\"receipt\":[]}", "The receipt export has no 'receipt' object.")]
    public void A_rejected_export_says_what_is_wrong(string json, string message) =>
        Assert.That(() => ReceiptExport.Parse(json), Throws.TypeOf<AttestoValidationException>().With.Message.EqualTo(message));

    [Test]
    public void An_empty_or_null_path_is_an_argument_error()
    {
        var document = new ReceiptExportDocument("2026-06-07T12:00:00.000Z", new JObject { ["signature"] = "00" });
        Assert.That(() => ReceiptExport.WriteFileAsync("", document), Throws.TypeOf<AttestoValidationException>().With.Property("ParamName").EqualTo("path"));
        Assert.That(() => ReceiptExport.WriteFileAsync(null!, document), Throws.TypeOf<AttestoValidationException>());
        Assert.That(async () => await ReceiptExport.ReadFileAsync(""), Throws.TypeOf<AttestoValidationException>());
    }

    [Test]
    public async Task Reading_a_file_does_not_resume_on_the_callers_synchronization_context()
    {
        string path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.attesto.json");
        try
        {
            var document = new ReceiptExportDocument("2026-06-07T12:00:00.000Z", new JObject { ["signature"] = "00" });
            await ReceiptExport.WriteFileAsync(path, document);

            var context = new CountingSynchronizationContext();
            Task<ReceiptExportDocument> pending = context.StartWithin(() => ReceiptExport.ReadFileAsync(path));
            ReceiptExportDocument read = await pending;

            Assert.That(read.ExportedAt, Is.EqualTo("2026-06-07T12:00:00.000Z"));
            Assert.That(context.Posts, Is.Zero);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
