using Lucairn;
using Lucairn.Testing;
using Lucairn.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lucairn.Tests.Client;

/// <summary><c>services.AddLucairnClient(...)</c> over <c>IHttpClientFactory</c>.</summary>
public class DependencyInjectionTests
{
    [Test]
    public async Task resolves_a_working_client_over_the_factory()
    {
        await using var emulator = LucairnEmulator.Start();
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddLucairnClient(o =>
        {
            o.ApiKey = emulator.ProApiKey;
            o.BaseUrl = new Uri(emulator.BaseUrl.OriginalString + "/");
            o.MaxRetries = 0;
        });
        await using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);
        var client = provider.GetRequiredService<LucairnClient>();
        var response = (ProxySyncResponse)await client.SendMessagesAsync(new ProxyMessagesRequest { PromptTemplate = "hi" });
        Assert.Multiple(() =>
        {
            Assert.That(builder.Name, Is.EqualTo(LucairnServiceCollectionExtensions.HttpClientName));
            Assert.That(client.BaseUrl, Is.EqualTo(emulator.BaseUrl));
            Assert.That(response.ModelUsed, Is.EqualTo(LucairnEmulator.MockModel));
        });
    }

    [Test]
    public void invalid_options_fail_with_the_exact_message_and_no_key()
    {
        var services = new ServiceCollection();
        services.AddLucairnClient(o =>
        {
            o.ApiKey = "lcr_live_tooshort";
            o.BaseUrl = new Uri("http://gateway.example.com");
        });
        using ServiceProvider provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<LucairnClient>())!;
        Assert.That(error.Message, Does.Contain("api_key").And.Not.Contain("lcr_live_tooshort"));
    }

    [Test]
    public void start_up_validation_is_registered()
    {
        var services = new ServiceCollection();
        services.AddLucairnClient(o => o.ApiKey = TestClients.LiveKey);
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.That(provider.GetService<IStartupValidator>(), Is.Not.Null);
        Assert.DoesNotThrow(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Test]
    public void null_arguments_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => LucairnServiceCollectionExtensions.AddLucairnClient(null!, _ => { }));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddLucairnClient(null!));
    }
}
