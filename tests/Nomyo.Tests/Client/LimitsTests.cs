namespace Nomyo.Tests;

public class LimitsTests
{
    [Test]
    public async Task Payload_over_ten_mebibytes_is_refused_before_any_io_with_the_upstream_message()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);
        string text = new('x', NomyoProtocol.MaxPayloadBytes);
        int expected = "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"\"}]}".Length + text.Length;

        var ex = await Assert.ThrowsAsync<NomyoValidationException>(() => client.CreateAsync("m", [ChatMessage.User(text)]));

        Assert.That(ex!.Message, Is.EqualTo($"payload is too large: {expected} bytes (max: 10485760)."));
        Assert.That(ex.ParamName, Is.EqualTo("payload"));
        Assert.That(emulator.KeyRequestCount + emulator.CompletionRequestCount, Is.Zero);
    }

    [Test]
    public async Task Non_ascii_counts_as_its_escaped_size()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);
        // 2 MiB of 'é' is 12 MiB once escaped as \u00e9.
        string text = new('é', 2 * 1024 * 1024);

        var ex = await Assert.ThrowsAsync<NomyoValidationException>(() => client.CreateAsync("m", [ChatMessage.User(text)]));
        Assert.That(ex!.Message, Does.StartWith("payload is too large: 12582"));
    }

    [Test]
    public async Task Response_larger_than_the_cap_is_refused()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator, o => o.MaxResponseBytes = 4096);

        var ex = await Assert.ThrowsAsync<NomyoSecurityException>(() => client.CreateAsync("m", [ChatMessage.User(new string('y', 8000))]));
        Assert.That(ex!.Reason, Is.EqualTo(NomyoSecurityReason.ResponseTooLarge));
    }

    [TestCase(-1)]
    [TestCase(11)]
    public void Out_of_range_retry_count_is_rejected(int retries)
    {
        var ex = Assert.Throws<NomyoValidationException>(() => new SecureCompletionClient(new NomyoClientOptions { MaxRetries = retries, ClientKey = TestKeys.Client }));
        Assert.That(ex!.ParamName, Is.EqualTo("options.MaxRetries"));
        Assert.That(ex.Message, Does.StartWith("options.MaxRetries "));
    }

    [Test]
    public void Empty_configured_api_key_is_rejected()
    {
        var ex = Assert.Throws<NomyoValidationException>(() => new SecureChatCompletion(""));
        Assert.That(ex!.ParamName, Is.EqualTo("apiKey"));
    }

    [Test]
    public void Null_constructor_arguments_are_validation_errors_naming_the_argument()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<NomyoValidationException>(() => new SecureCompletionClient((string)null!))!.ParamName, Is.EqualTo("apiKey"));
            Assert.That(Assert.Throws<NomyoValidationException>(() => new SecureCompletionClient((NomyoClientOptions)null!))!.ParamName, Is.EqualTo("options"));
            Assert.That(Assert.Throws<NomyoValidationException>(() => new SecureChatCompletion(new NomyoClientOptions { ClientKey = TestKeys.Client }, null!))!.ParamName, Is.EqualTo("httpClient"));
            Assert.That(Assert.Throws<NomyoValidationException>(() => new SecureChatCompletion(new NomyoClientOptions { ClientKey = TestKeys.Client, Timeout = TimeSpan.Zero }))!.Message, Does.StartWith("options.Timeout "));
        });
    }

    [Test]
    public void Options_are_copied_at_construction()
    {
        var options = new NomyoClientOptions { BaseUrl = new Uri("https://a.test"), ClientKey = TestKeys.Client };
        using var client = new SecureCompletionClient(options);
        options.BaseUrl = new Uri("https://b.test");
        options.MaxRetries = 5;

        Assert.That(client.BaseUrl, Is.EqualTo(new Uri("https://a.test")));
        Assert.That(client.MaxRetries, Is.EqualTo(2));
    }

    [Test]
    public void Secure_memory_is_a_per_client_setting()
    {
        using var locked = new SecureCompletionClient(new NomyoClientOptions { ClientKey = TestKeys.Client });
        using var unlocked = new SecureCompletionClient(new NomyoClientOptions { ClientKey = TestKeys.Client, SecureMemory = false });

        var off = unlocked.GetMemoryProtectionInfo();
        var on = locked.GetMemoryProtectionInfo();

        Assert.That(off.Enabled, Is.False);
        Assert.That(off.ProtectionLevel, Is.EqualTo(Shared.Crypto.ProtectionLevel.ZeroingOnly));
        Assert.That(on.Enabled, Is.True);
        Assert.That(on.ProtectionLevel, Is.EqualTo(on.HasMemoryLocking ? Shared.Crypto.ProtectionLevel.Full : Shared.Crypto.ProtectionLevel.ZeroingOnly));
        Assert.That(Shared.Crypto.SecureMemory.IsEnabled, Is.True, "the process-wide switch is untouched");
    }
}
