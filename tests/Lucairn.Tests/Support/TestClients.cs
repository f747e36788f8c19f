using Lucairn;
using RichardSzalay.MockHttp;

namespace Lucairn.Tests.Support;

/// <summary>Keys and client factories shared by the client tests.</summary>
internal static class TestClients
{
    internal const string LegacyKey = "dsa_0123456789abcdef0123456789abcdef";
    internal const string LiveKey = "lcr_live_ABCDEFGHIJklmnopqrst_-0123";
    internal const string BaseUrl = "https://gateway.example.com";

    internal static LucairnClientOptions Config(Action<LucairnClientOptions>? tweak = null)
    {
        var config = new LucairnClientOptions { ApiKey = LegacyKey, BaseUrl = new Uri(BaseUrl), MaxRetries = 0 };
        tweak?.Invoke(config);
        return config;
    }

    internal static LucairnClient Create(MockHttpMessageHandler mock, Action<LucairnClientOptions>? tweak = null) =>
        new(Config(tweak), mock.ToHttpClient());
}
