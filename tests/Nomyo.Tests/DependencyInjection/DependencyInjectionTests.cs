using Microsoft.Extensions.DependencyInjection;

namespace Nomyo.Tests;

public class DependencyInjectionTests
{
    [Test]
    public async Task Add_nomyo_client_registers_a_singleton_over_the_http_client_factory()
    {
        var emulator = Harness.InProcessEmulator();
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddNomyoClient(o =>
        {
            o.BaseUrl = emulator.BaseUrl;
            o.AllowHttp = true;
            o.ApiKey = Harness.ApiKey;
            o.ClientKey = TestKeys.Client;
        });
        builder.ConfigurePrimaryHttpMessageHandler(emulator.CreateHandler);
        await using var provider = services.BuildServiceProvider();

        var chat = provider.GetRequiredService<SecureChatCompletion>();
        var answer = await chat.CreateAsync("m", Harness.Hello());

        Assert.That(builder.Name, Is.EqualTo(NomyoServiceCollectionExtensions.HttpClientName));
        Assert.That(provider.GetRequiredService<SecureChatCompletion>(), Is.SameAs(chat));
        Assert.That(provider.GetRequiredService<SecureCompletionClient>(), Is.SameAs(chat.Client));
        Assert.That(answer.Choices[0].Message.Content, Is.EqualTo("Hello there"));
    }

    [TestCase("http://example.com", null, "options.BaseUrl")]
    [TestCase("https://api.nomyo.ai", "not-a-pin", "options.ServerKeyPin")]
    [TestCase("https://api.nomyo.ai", null, null)]
    public void Options_are_validated_with_the_constructor_rules(string baseUrl, string? pin, string? expected)
    {
        var services = new ServiceCollection();
        services.AddNomyoClient(o => { o.BaseUrl = new Uri(baseUrl); o.ServerKeyPin = pin; o.MaxRetries = 2; });
        using ServiceProvider provider = services.BuildServiceProvider();

        if (expected is null)
        {
            Assert.DoesNotThrow(() => _ = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NomyoClientOptions>>().Value);
        }
        else
        {
            var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => _ = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NomyoClientOptions>>().Value);
            Assert.That(ex!.Message, Does.Contain(expected));
        }
    }
}
