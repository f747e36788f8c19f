// Smoke test for the packed Attesto package alone: an attested event against the package's own
// MockAttesto, its receipt verified offline, and a completeness check of the stream.
using Attesto;
using Attesto.Testing;

await using var mock = MockAttesto.Start();
using var client = new AttestoV2Client(
    new AttestoClientOptions(mock.ApiKey)
    {
        BaseUrl = mock.BaseUrl,
        Proofstream = new ProofstreamOptions { ReceiptPublicKeyHex = mock.PublicKeyHex, AllowMockReceipts = true, HeadStore = new MemoryHeadStore() },
    });

ProofStream stream = await client.CreateStreamAsync("smoke", "pol_smoke");
StreamEventReceipt logged = await client.LogEventAsync(stream.StreamId!, "smoke-1", new { ok = true });
await client.LogEventsAsync(stream.StreamId!, [new StreamEventInput("smoke-2", new { ok = true }), new StreamEventInput("smoke-3", new { ok = true })]);

var events = new List<ChainEvent>();
await foreach (ChainEvent e in client.ReadStreamEventsAsync(stream.StreamId!))
{
    events.Add(e);
}

var receipt = Receipts.Verify(logged.GetReceipt()!, mock.PublicKeyHex, allowMock: true);
var completeness = Completeness.Verify(events, 1, 3);
if (!receipt.Ok || !completeness.Ok || events.Count != 3)
{
    Console.Error.WriteLine($"attesto smoke: receipt {string.Join(", ", receipt.Problems)}; completeness {string.Join(", ", completeness.Problems)}");
    return 1;
}

Console.WriteLine($"attesto smoke: receipt verified offline, seq 1..3 complete (stream {stream.StreamId})");
return 0;
