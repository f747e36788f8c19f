using Attesto.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Attesto.Tests.DependencyInjection;

public class AttestoServiceCollectionTests
{
    [Test]
    public async Task V2_client_resolves_and_talks_to_the_mock_with_shared_proofstream_options()
    {
        await using var mock = MockAttesto.Start();
        var heads = new MemoryHeadStore();
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddAttestoV2Client(
            o =>
            {
                o.ApiKey = mock.ApiKey;
                o.BaseUrl = mock.BaseUrl;
                o.Proofstream.ReceiptPublicKeyHex = mock.PublicKeyHex;
                o.Proofstream.AllowMockReceipts = true;
                o.Proofstream.HeadStore = heads;
            });
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.That(builder.Name, Is.EqualTo(AttestoServiceCollectionExtensions.V2HttpClientName));
        var client = provider.GetRequiredService<AttestoV2Client>();
        ProofStream stream = await client.CreateStreamAsync("di", "pol_di");
        StreamEventReceipt receipt = await client.LogEventAsync(stream.StreamId!, "di-1", new { ok = true });

        Assert.That(receipt.SeqNo, Is.EqualTo(1));
        Assert.That(provider.GetRequiredService<AttestoV2Client>(), Is.Not.SameAs(client), "typed clients are transient");
        Assert.That(provider.GetRequiredService<IOptions<AttestoClientOptions>>().Value.Proofstream.HeadStore, Is.SameAs(heads));
    }

    [Test]
    public async Task V1_client_resolves_over_the_named_http_client()
    {
        var services = new ServiceCollection();
        services.AddAttestoClient(o => o.ApiKey = "atto_test_0123456789abcdef0123456789abcdef");
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<AttestoClient>(), Is.Not.Null);
    }

    [TestCase(null, "ApiKey is required")]
    [TestCase("sk_live_nope", "not a valid Attesto system key")]
    public async Task Invalid_options_fail_validation_with_the_constructor_message(string? key, string expected)
    {
        var services = new ServiceCollection();
        services.AddAttestoClient(o => o.ApiKey = key);
        await using ServiceProvider provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<AttestoClientOptions>>().Value);
        Assert.That(ex!.Message, Does.Contain(expected));
        Assert.That(ex.Message, Does.Not.Contain("sk_live_nope"), "the key never appears in messages");
    }

    [Test]
    public void Null_arguments_are_rejected()
    {
        Assert.That(Assert.Throws<AttestoValidationException>(() => ((IServiceCollection)null!).AddAttestoClient(_ => { }))!.ParamName, Is.EqualTo("services"));
        Assert.That(Assert.Throws<AttestoValidationException>(() => new ServiceCollection().AddAttestoV2Client(null!))!.ParamName, Is.EqualTo("configure"));
    }
}
