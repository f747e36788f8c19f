using Nomyo.Testing;
using TestSupport;

namespace Nomyo.Tests;

public class ClientLoggingTests
{
    [Test]
    public async Task Attempts_and_retries_are_logged_without_the_key_or_prompt()
    {
        var emulator = Harness.InProcessEmulator();
        var logger = new ListLogger();
        using var client = Harness.Client(emulator, o => o.Logger = logger);
        emulator.FailNext(503, 1, retryAfter: TimeSpan.Zero);

        await client.CreateAsync("m", [ChatMessage.User("a secret prompt")]);

        IReadOnlyList<string> messages = logger.Messages;
        Assert.That(messages, Has.Some.EqualTo("Nomyo retry 1 after status 503; waiting 0 ms"));
        Assert.That(messages, Has.Some.Match(@"^Nomyo POST /v1/chat/secure_completion -> 200 in \d+ ms"));
        Assert.That(string.Join("\n", messages), Does.Not.Contain("a secret prompt").And.Not.Contain(Harness.ApiKey));
    }
}
