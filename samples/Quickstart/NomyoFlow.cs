using Nomyo;
using Nomyo.Testing;

namespace Quickstart;

/// <summary>
/// NOMYO: one end-to-end encrypted chat completion. Offline against the in-process emulator
/// (server key pinned), or against the real router when NOMYO_API_KEY is set.
/// </summary>
internal static class NomyoFlow
{
    internal static async Task RunAsync(QuickstartReport report)
    {
        string? apiKey = Environment.GetEnvironmentVariable("NOMYO_API_KEY");
        await using NomyoEmulator? emulator = string.IsNullOrEmpty(apiKey) ? NomyoEmulator.Start(new NomyoEmulatorOptions { ApiKey = "quickstart-key" }) : null;
        report.Section("NOMYO: encrypted chat completion", emulator is null ? "real service" : $"emulator at {emulator.BaseUrl}");
        using SecureChatCompletion client = emulator is null
            ? new SecureChatCompletion(apiKey!)
            : new SecureChatCompletion(new NomyoClientOptions { BaseUrl = emulator.BaseUrl, AllowHttp = true, ApiKey = "quickstart-key", ServerKeyPin = emulator.ServerKeyPin });

        string model = Environment.GetEnvironmentVariable("NOMYO_MODEL") ?? "Qwen/Qwen3-0.6B";
        ChatCompletion answer;
        try
        {
            answer = await client.CreateAsync(model, [ChatMessage.User("In one sentence: why encrypt prompts end to end?")]);
        }
        catch (NomyoApiException ex)
        {
            report.Failed($"NOMYO answered HTTP {ex.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} {ex.ErrorCode} (request {ex.RequestId ?? "-"}, retry after {ex.RetryAfter?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} s): {ex.Message}");
            return;
        }
        catch (NomyoSecurityException ex)
        {
            report.Failed($"NOMYO security check failed ({ex.ReasonCode}): {ex.Message}");
            return;
        }

        report.Done($"sent an AES-256-GCM + RSA-OAEP-4096 encrypted request to model {answer.Model}");
        if (!answer.Metadata.IsEncrypted || answer.Choices.Count == 0)
        {
            report.Failed("the response was not marked as encrypted or had no choices");
            return;
        }

        report.Verified($"response decrypted with this client's private key and checked (version, algorithm, key/nonce/tag sizes, payload id {answer.Metadata.PayloadId})");
        if (emulator is not null)
        {
            report.Verified($"server key matched the pin {emulator.ServerKeyPin[..16]}…");
        }

        report.Done($"answer: {Shorten(answer.Choices[0].Message.Content)}");
    }

    private static string Shorten(string? text) => text is null ? "(none)" : text.Length <= 100 ? text : text[..100] + "…";
}
