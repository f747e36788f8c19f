// Smoke test for the packed Nomyo package alone: an encrypted chat completion against the
// package's own emulator, with the server key pinned.
using Nomyo;
using Nomyo.Testing;

await using var emulator = NomyoEmulator.Start(new NomyoEmulatorOptions { ApiKey = "smoke-key" });
using var client = new SecureChatCompletion(new NomyoClientOptions
{
    BaseUrl = emulator.BaseUrl,
    AllowHttp = true,
    ApiKey = "smoke-key",
    ServerKeyPin = emulator.ServerKeyPin,
});

ChatCompletion answer = await client.CreateAsync("mock-model", [ChatMessage.User("ping from the packed package")]);
string content = answer.Choices[0].Message.Content ?? string.Empty;
if (!content.Contains("ping from the packed package", StringComparison.Ordinal) || !answer.Metadata.IsEncrypted)
{
    Console.Error.WriteLine($"nomyo smoke: unexpected answer '{content}'");
    return 1;
}

Console.WriteLine($"nomyo smoke: encrypted round trip ok (payload {answer.Metadata.PayloadId})");
return 0;
