using Lucairn.Testing;
using TestSupport;

namespace Lucairn.Tests.Logging;

public class ClientLoggingTests
{
    [Test]
    public async Task Attempts_and_retries_are_logged_without_the_key()
    {
        await using var emulator = LucairnEmulator.Start(new LucairnEmulatorOptions { CertificateDelay = TimeSpan.Zero });
        var logger = new ListLogger();
        using var client = new LucairnClient(new LucairnClientOptions { ApiKey = emulator.ProApiKey, BaseUrl = emulator.BaseUrl, Logger = logger });
        var sync = (ProxySyncResponse)await client.SendMessagesAsync(new ProxyMessagesRequest { PromptTemplate = "secret prompt {x}", Context = new Dictionary<string, string> { ["x"] = "alice@example.com" } });

        emulator.FailNext(503, retryAfter: TimeSpan.Zero);
        string html = await client.GetCertificateSummaryAsync(sync.RequestId!);

        Assert.That(html, Is.Not.Empty);
        IReadOnlyList<string> messages = logger.Messages;
        Assert.That(messages, Has.Some.Match(@"^Lucairn POST /api/v1/proxy/messages -> 200 in \d+ ms"));
        Assert.That(messages, Has.Some.Match(@"^Lucairn GET /api/v1/veil/certificate/\w+/summary -> 503"));
        Assert.That(messages, Has.Some.EqualTo("Lucairn retry 1 after status 503; waiting 0 ms"));
        Assert.That(messages, Has.Some.Match(@"^Lucairn GET /api/v1/veil/certificate/\w+/summary -> 200"));
        Assert.That(string.Join("\n", messages), Does.Not.Contain(emulator.ProApiKey).And.Not.Contain("secret prompt").And.Not.Contain("alice@example.com"));
    }
}
