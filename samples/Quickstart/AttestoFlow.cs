using Attesto;
using Attesto.Testing;

namespace Quickstart;

/// <summary>
/// Attesto: an attested event, its signed receipt verified offline, and a completeness check of
/// the stream. Against MockAttesto (its per-instance mock key), or real Attesto when
/// ATTESTO_API_KEY and ATTESTO_RECEIPT_SIGNER_PUBLIC_KEY_HEX are set.
/// </summary>
internal static class AttestoFlow
{
    internal static async Task RunAsync(QuickstartReport report)
    {
        string? apiKey = Environment.GetEnvironmentVariable("ATTESTO_API_KEY");
        await using MockAttesto? mock = string.IsNullOrEmpty(apiKey) ? MockAttesto.Start() : null;
        report.Section("Attesto: attested events and offline evidence", mock is null ? "real service" : $"MockAttesto at {mock.BaseUrl}");

        string signerKey = mock?.PublicKeyHex
            ?? Environment.GetEnvironmentVariable(ProofstreamOptions.ReceiptKeyEnvironmentVariable)
            ?? throw new InvalidOperationException($"Set {ProofstreamOptions.ReceiptKeyEnvironmentVariable} to the receipt signer's public key.");
        bool allowMock = mock is not null; // mock evidence is accepted against the emulator and nowhere else
        AttestoClientOptions options = mock is null ? new AttestoClientOptions(apiKey!) : new AttestoClientOptions(mock.ApiKey) { BaseUrl = mock.BaseUrl };
        options.Proofstream = new ProofstreamOptions { ReceiptPublicKeyHex = signerKey, AllowMockReceipts = allowMock, HeadStore = new MemoryHeadStore() };
        using var client = new AttestoV2Client(options);

        ProofStream stream = await client.CreateStreamAsync("quickstart-decisions", Environment.GetEnvironmentVariable("ATTESTO_POLICY_ID") ?? "pol_quickstart");
        StreamEventReceipt first = await client.LogEventAsync(
            stream.StreamId!, sourceRef: "loan-application-42",
            payload: new { decision = "approve", score_bp = 8700, model = "risk-v3" },
            eventType: "ai.model_decision");
        report.Done($"logged an attested event (stream {stream.StreamId}, seq {first.SeqNo}, event hash {first.EventHash?[..16]}…)");

        ReceiptVerificationReport receipt = Receipts.Verify(first.GetReceipt()!, signerKey, allowMock);
        if (receipt.Ok)
        {
            report.Verified($"receipt signature (Ed25519 over digest {receipt.DigestHex?[..16]}…) with signer key {signerKey[..16]}…, kid '{first.GetReceipt()!["kid"]}'{(receipt.IsMock ? ", marked mock" : string.Empty)}");
        }
        else
        {
            report.Failed($"receipt: {string.Join("; ", receipt.Problems)}");
        }

        if (allowMock && Receipts.Verify(first.GetReceipt()!, signerKey).Problems.Contains(Receipts.MockReceipt))
        {
            report.Verified("without the explicit opt-in the same mock receipt is refused ('mock receipt')");
        }

        // Each source_ref names one logical event: re-sending one is an idempotent replay, not a new event.
        var more = Enumerable.Range(2, 4).Select(i => new StreamEventInput($"loan-application-{100 + i}", new { decision = "review", step = i }) { EventType = "ai.model_decision" });
        await client.LogEventsAsync(stream.StreamId!, more);
        var events = new List<ChainEvent>();
        await foreach (ChainEvent e in client.ReadStreamEventsAsync(stream.StreamId!))
        {
            events.Add(e);
        }

        long from = events.Min(e => e.SeqNo);
        long to = events.Max(e => e.SeqNo);
        CompletenessReport completeness = Completeness.Verify(events, from, to);
        if (completeness.Ok)
        {
            report.Verified($"completeness of seq {from}..{to}: {events.Count} events, gap-free, every previous-hash link intact");
        }
        else
        {
            report.Failed($"completeness: {string.Join("; ", completeness.Problems)}");
        }
    }
}
