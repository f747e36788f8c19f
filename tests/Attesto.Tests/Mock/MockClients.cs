using Attesto.Testing;

namespace Attesto.Tests.Mock;

/// <summary>Builds v2 clients wired to a <see cref="MockAttesto"/>.</summary>
internal static class MockClients
{
    internal static AttestoClientOptions Options(MockAttesto mock, int maxRetries = 0, IHeadStore? store = null) =>
        new(mock.ApiKey) { BaseUrl = mock.BaseUrl, MaxRetries = maxRetries, Timeout = TimeSpan.FromSeconds(30), Proofstream = Proofstream(mock, store) };

    internal static ProofstreamOptions Proofstream(MockAttesto mock, IHeadStore? store) =>
        new() { ReceiptPublicKeyHex = mock.PublicKeyHex, AllowMockReceipts = true, HeadStore = store, ForkDetection = store is not null };

    /// <summary>A client over real loopback HTTP.</summary>
    internal static AttestoV2Client Loopback(MockAttesto mock, IHeadStore? store, int maxRetries = 0) =>
        new(Options(mock, maxRetries, store));

    /// <summary>A client over the in-process handler (no socket).</summary>
    internal static AttestoV2Client InProcess(MockAttesto mock, IHeadStore? store, HttpClient http) =>
        new(Options(mock, store: store), http);

    internal static IEnumerable<Attesto.StreamEventInput> Events(int from, int count, string prefix = "ev") =>
        Enumerable.Range(from, count).Select(i => new Attesto.StreamEventInput($"{prefix}-{i}", new { n = i, label = "decision" })
        {
            EventType = "ai.model_decision",
            OccurredAt = new DateTimeOffset(2026, 6, 7, 12, 0, 0, TimeSpan.Zero).AddSeconds(i),
        });
}
