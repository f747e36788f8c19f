using Microsoft.Extensions.Time.Testing;
using Nomyo.Testing;

namespace Nomyo.Tests;

/// <summary>Builds emulators and clients wired to them, with the shared test keys.</summary>
internal static class Harness
{
    internal const string ApiKey = "test-key";

    internal static NomyoEmulator InProcessEmulator(string? apiKey = ApiKey, TimeProvider? time = null) =>
        NomyoEmulator.CreateInProcess(new NomyoEmulatorOptions { ApiKey = apiKey, ServerKey = TestKeys.Server, TimeProvider = time ?? TimeProvider.System });

    internal static NomyoEmulator SocketEmulator(string? apiKey = ApiKey) =>
        NomyoEmulator.Start(new NomyoEmulatorOptions { ApiKey = apiKey, ServerKey = TestKeys.Server });

    internal static NomyoClientOptions Options(NomyoEmulator emulator, Action<NomyoClientOptions>? configure = null)
    {
        var options = new NomyoClientOptions
        {
            BaseUrl = emulator.BaseUrl,
            AllowHttp = true,
            ApiKey = ApiKey,
            ClientKey = TestKeys.Client,
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client talking to an in-process emulator through its handler.</summary>
    internal static SecureChatCompletion Client(NomyoEmulator emulator, Action<NomyoClientOptions>? configure = null, HttpMessageHandler? handler = null) =>
        new(Options(emulator, configure), new HttpClient(handler ?? emulator.CreateHandler()));

    /// <summary>A client talking to a socket emulator with its own HttpClient.</summary>
    internal static SecureChatCompletion SocketClient(NomyoEmulator emulator, Action<NomyoClientOptions>? configure = null) =>
        new(Options(emulator, configure));

    internal static ChatMessage[] Hello(string text = "Hello there") => [ChatMessage.User(text)];

    /// <summary>Advances fake time in small steps until the task completes (no real back-off is slept).</summary>
    internal static Task<T> DriveAsync<T>(FakeTimeProvider time, Task<T> task, TimeSpan step, int maxSteps = 2000) =>
        TestSupport.FakeClock.DriveAsync(time, task, step, maxSteps);

    /// <summary>Waits (real time, briefly) until a condition holds.</summary>
    internal static async Task WaitUntilAsync(Func<bool> condition, int timeoutMs = 10_000)
    {
        var start = Environment.TickCount64;
        while (!condition())
        {
            if (Environment.TickCount64 - start > timeoutMs)
            {
                Assert.Fail("Timed out waiting for a condition.");
            }

            await Task.Delay(2);
        }
    }
}
