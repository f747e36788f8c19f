using Attesto.Testing;
using TestSupport;

namespace Attesto.Tests.Logging;

public class ClientLoggingTests
{
    [Test]
    public async Task Calls_and_retries_are_logged_without_the_key_or_payload()
    {
        await using var mock = MockAttesto.Start();
        var logger = new ListLogger();
        using var client = new AttestoV2Client(
            new AttestoClientOptions(mock.ApiKey)
            {
                BaseUrl = mock.BaseUrl,
                Logger = logger,
                Proofstream = new ProofstreamOptions { ReceiptPublicKeyHex = mock.PublicKeyHex, AllowMockReceipts = true, HeadStore = new MemoryHeadStore() },
            });
        string streamId = (await client.CreateStreamAsync("logging", "pol_log")).StreamId!;

        mock.FailNext(503, 1, retryAfter: TimeSpan.Zero);
        await client.LogEventAsync(streamId, "log-1", new { secret_payload = "do-not-log" });

        IReadOnlyList<string> messages = logger.Messages;
        Assert.That(messages, Has.Some.EqualTo("Attesto retry 1 after status 503; waiting 0 ms"));
        Assert.That(messages, Has.Some.Match(@"^Attesto POST /v2/streams/[^ ]+/events -> 200 in \d+ ms"));
        Assert.That(string.Join("\n", messages), Does.Not.Contain(mock.ApiKey).And.Not.Contain("do-not-log"));
    }
}
