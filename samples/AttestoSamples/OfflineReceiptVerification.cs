using Attesto;
using Newtonsoft.Json.Linq;

namespace AttestoSamples;

/// <summary>Example 2: verify a receipt on your machine, with no call back to Attesto, and see a tampered copy fail.</summary>
internal static class OfflineReceiptVerification
{
    internal static async Task RunAsync(SampleEnvironment env)
    {
        ProofStream stream = await env.Client.CreateStreamAsync("receipt-demo", env.PolicyId);
        StreamEventReceipt logged = await env.Client.LogEventAsync(stream.StreamId!, "doc-7", new { action = "export", rows = 120 });
        JObject receipt = logged.GetReceipt()!;

        ReceiptVerificationReport report = Receipts.Verify(receipt, env.ReceiptKeyHex, env.AllowMock);
        Console.WriteLine($"receipt ok: {report.Ok}");

        var tampered = (JObject)receipt.DeepClone();
        tampered["payload"]!["seq_no"] = 999;
        ReceiptVerificationReport forged = Receipts.Verify(tampered, env.ReceiptKeyHex, env.AllowMock);
        Console.WriteLine($"tampered receipt ok: {forged.Ok}, problems: {string.Join(", ", forged.Problems)}");
    }
}
