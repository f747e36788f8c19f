using Lucairn;
using Lucairn.Tests.Support;

namespace Lucairn.Tests.Client;

/// <summary>Port of upstream <c>test_client.py</c> (constructor validation, spec §2).</summary>
public class ClientConfigTests
{
    private static LucairnClient Build(Action<LucairnClientOptions> tweak) => new(TestClients.Config(tweak));

    private static Uri U(string url) => new(url, UriKind.RelativeOrAbsolute);

    private static LucairnValidationException Rejects(Action<LucairnClientOptions> tweak) =>
        Assert.Throws<LucairnValidationException>(() => Build(tweak).Dispose())!;

    // TestApiKeyValidation
    [Test]
    public void test_accepts_valid_key()
    {
        using var client = Build(c => c.ApiKey = "dsa_" + new string('a', 32));
        Assert.That(client.BaseUrl.OriginalString, Is.EqualTo(TestClients.BaseUrl));
    }

    [Test]
    public void test_rejects_wrong_prefix() =>
        Assert.That(Rejects(c => c.ApiKey = "bad_" + new string('a', 32)).Message, Does.Contain("api_key"));

    [Test]
    public void test_rejects_uppercase_hex() => Rejects(c => c.ApiKey = "dsa_" + new string('A', 32));

    [Test]
    public void test_rejects_wrong_length_too_short() => Rejects(c => c.ApiKey = "dsa_" + new string('a', 31));

    [Test]
    public void test_rejects_wrong_length_too_long() => Rejects(c => c.ApiKey = "dsa_" + new string('a', 33));

    [Test]
    public void test_rejects_non_string_key() =>
        Assert.That(Rejects(c => c.ApiKey = null).Message, Does.Contain("api_key"));

    [Test]
    public void test_rejects_non_config_input() =>
        Assert.Throws<LucairnValidationException>(() => new LucairnClient((LucairnClientOptions)null!).Dispose());

    [Test]
    public void test_accepts_lcr_live_key()
    {
        using var client = Build(c => c.ApiKey = "lcr_live_" + new string('x', 20));
        Assert.That(client.MaxRetries, Is.EqualTo(0));
    }

    [Test]
    public void test_rejects_lcr_live_key_too_short() => Rejects(c => c.ApiKey = "lcr_live_short");

    [TestCase("dsa_0123456789abcdef0123456789abcdef\n", Description = ".NET $ would accept a trailing newline")]
    [TestCase("lcr_live_abcdefghijklmnopqrst\n")]
    [TestCase(" dsa_0123456789abcdef0123456789abcdef")]
    [TestCase("lcr_live_abcdefghijklmnopqrs\u00e9")]
    [TestCase("lcr_live_abcdefghijklmnopqrs\u0661", Description = "Arabic-Indic digit")]
    public void api_key_anchors_and_ascii_classes(string key) => Rejects(c => c.ApiKey = key);

    [Test]
    public void api_key_never_in_validation_message()
    {
        const string Secret = "lcr_live_short_but_secret!";
        Assert.That(Rejects(c => c.ApiKey = Secret).Message, Does.Not.Contain(Secret));
    }

    // TestBaseUrl
    [Test]
    public void test_default_base_url()
    {
        using var client = Build(c => c.BaseUrl = LucairnClientOptions.DefaultBaseUrl);
        Assert.That(client.BaseUrl.OriginalString, Is.EqualTo("https://gateway.lucairn.eu"));
        Assert.That(new LucairnClientOptions().BaseUrl, Is.EqualTo(new Uri("https://gateway.lucairn.eu")));
    }

    [Test]
    public void null_base_url_is_a_validation_error_naming_the_option()
    {
        LucairnValidationException error = Rejects(c => c.BaseUrl = null!);
        Assert.Multiple(() =>
        {
            Assert.That(error.ParamName, Is.EqualTo("options.BaseUrl"));
            Assert.That(error.Message, Does.StartWith("options.BaseUrl"));
        });
    }

    [Test]
    public void test_accepts_https_override()
    {
        using var client = Build(c => c.BaseUrl = U("https://Gateway.Example.com:8443/prefix"));
        Assert.That(client.BaseUrl.OriginalString, Is.EqualTo("https://Gateway.Example.com:8443/prefix"));
    }

    [Test]
    public void test_accepts_http_for_localhost()
    {
        using var client = Build(c => c.BaseUrl = U("http://localhost:8080"));
        Assert.That(client.BaseUrl.OriginalString, Is.EqualTo("http://localhost:8080"));
    }

    [Test]
    public void test_strips_trailing_slashes()
    {
        using var client = Build(c => c.BaseUrl = U("https://gateway.example.com///"));
        Assert.That(client.BaseUrl.OriginalString, Is.EqualTo("https://gateway.example.com"));
    }

    [Test]
    public void test_rejects_unknown_scheme() =>
        Assert.That(Rejects(c => c.BaseUrl = U("ftp://gateway.example.com")).Message, Does.Contain("http or https"));

    [Test]
    public void test_rejects_missing_scheme() =>
        Assert.That(Rejects(c => c.BaseUrl = U("example.com")).Message, Does.Contain("<empty>"));

    [Test]
    public void test_rejects_empty_base_url() => Rejects(c => c.BaseUrl = U(""));

    [TestCase("https://user:pass@gateway.example.com")]
    [TestCase("https://gateway.example.com/?x=1")]
    [TestCase("https://gateway.example.com/#frag")]
    public void base_url_without_host_credentials_query_or_fragment(string url) =>
        Assert.That(Rejects(c => c.BaseUrl = U(url)).ParamName, Is.EqualTo("options.BaseUrl"));

    // The upstream string checks for these inputs are done by the Uri type itself: no BaseUrl can carry them.
    [TestCase("https://")]
    [TestCase("http://evil.com\\.local")]
    [TestCase("https://gate way.example.com")]
    public void text_without_a_valid_host_cannot_become_a_base_url(string url) =>
        Assert.That(Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out _), Is.False);

    // TestTimeout
    [Test]
    public void test_default_timeout()
    {
        using var client = Build(_ => { });
        Assert.That(client.Timeout, Is.EqualTo(TimeSpan.FromSeconds(60)), "upstream 1.4.1 default (60 s)");
    }

    [Test]
    public void test_accepts_positive_int()
    {
        using var client = Build(c => c.Timeout = TimeSpan.FromSeconds(5));
        Assert.That(client.Timeout.TotalSeconds, Is.EqualTo(5.0));
    }

    [Test]
    public void test_accepts_positive_float()
    {
        using var client = Build(c => c.Timeout = TimeSpan.FromSeconds(2.5));
        Assert.That(client.Timeout.TotalSeconds, Is.EqualTo(2.5));
    }

    [Test]
    public void test_rejects_zero() =>
        Assert.That(Rejects(c => c.Timeout = TimeSpan.Zero).Message, Does.Contain("positive"));

    [Test]
    public void test_rejects_negative() => Rejects(c => c.Timeout = TimeSpan.FromSeconds(-1));

    [Test]
    public void test_rejects_positive_infinity() => Rejects(c => c.Timeout = TimeSpan.MaxValue);

    [Test]
    public void test_rejects_negative_infinity() => Rejects(c => c.Timeout = System.Threading.Timeout.InfiniteTimeSpan);

    // TestHTTPBaseURLGuard
    [TestCase("localhost")]
    [TestCase("127.0.0.1")]
    [TestCase("[::1]")]
    [TestCase("myservice.local")]
    public void test_accepts_http_for_loopback_and_mdns(string host)
    {
        using var client = Build(c => c.BaseUrl = U($"http://{host}:8080"));
        Assert.That(client.BaseUrl.OriginalString, Is.EqualTo($"http://{host}:8080"));
    }

    [Test]
    public void test_rejects_http_on_public_host() =>
        Assert.That(Rejects(c => c.BaseUrl = U("http://gateway.example.com")).Message, Does.Contain("https://"));

    [TestCase("http://10.0.0.1")]
    [TestCase("http://127.0.0.2")]
    [TestCase("http://localhost.evil.com")]
    public void test_rejects_http_on_ip_outside_loopback(string url) => Rejects(c => c.BaseUrl = U(url));

    [TestCase("https://gateway.example.com")]
    [TestCase("https://10.0.0.1")]
    [TestCase("https://example.com")]
    public void test_accepts_https_everywhere(string url)
    {
        using var client = Build(c => c.BaseUrl = U(url));
        Assert.That(client.BaseUrl.OriginalString, Is.EqualTo(url));
    }

    // TestMaxResponseBytes
    [Test]
    public void test_default_is_10mib()
    {
        using var client = Build(_ => { });
        Assert.That(client.MaxResponseBytes, Is.EqualTo(10 * 1024 * 1024));
    }

    [Test]
    public void test_accepts_positive_int_max_response_bytes()
    {
        using var client = Build(c => c.MaxResponseBytes = 1024);
        Assert.That(client.MaxResponseBytes, Is.EqualTo(1024));
    }

    [Test]
    public void test_rejects_zero_max_response_bytes() =>
        Assert.That(Rejects(c => c.MaxResponseBytes = 0).Message, Does.Contain("max_response_bytes"));

    [Test]
    public void test_rejects_negative_max_response_bytes() => Rejects(c => c.MaxResponseBytes = -1);

    // MaxRetries (C# addition)
    [Test]
    public void max_retries_defaults_to_two_and_is_bounded()
    {
        Assert.That(new LucairnClientOptions().MaxRetries, Is.EqualTo(2));
        Rejects(c => c.MaxRetries = -1);
        Rejects(c => c.MaxRetries = 11);
    }

    // TestApiKeyIsPrivate
    [Test]
    public void test_api_key_not_on_public_attrs()
    {
        var names = typeof(LucairnClient).GetProperties().Select(p => p.Name);
        Assert.That(names, Has.None.Contains("ApiKey"));
    }

    [Test]
    public void test_api_key_not_in_repr()
    {
        var config = TestClients.Config();
        using var client = new LucairnClient(config);
        Assert.That(config.ToString(), Does.Not.Contain(TestClients.LegacyKey).And.Contain("redacted"));
        Assert.That(client.ToString(), Does.Not.Contain(TestClients.LegacyKey));
    }

    // The family constructor line (issue 13)
    [Test]
    public void api_key_constructor_uses_the_production_gateway_and_defaults()
    {
        using var client = new LucairnClient(TestClients.LiveKey);
        Assert.Multiple(() =>
        {
            Assert.That(client.BaseUrl, Is.EqualTo(LucairnClientOptions.DefaultBaseUrl));
            Assert.That(client.Timeout, Is.EqualTo(LucairnClientOptions.DefaultTimeout));
            Assert.That(client.MaxRetries, Is.EqualTo(LucairnClientOptions.DefaultMaxRetries));
        });
    }

    [Test]
    public void api_key_constructor_names_the_argument()
    {
        var error = Assert.Throws<LucairnValidationException>(() => new LucairnClient("not-a-key").Dispose())!;
        Assert.Multiple(() =>
        {
            Assert.That(error.ParamName, Is.EqualTo("apiKey"));
            Assert.That(error.Message, Does.StartWith("apiKey"));
        });
    }

    [Test]
    public void options_are_copied_at_construction()
    {
        var options = TestClients.Config();
        using var client = new LucairnClient(options);
        options.BaseUrl = new Uri("https://elsewhere.example.com");
        options.Timeout = TimeSpan.FromSeconds(1);
        options.MaxRetries = 5;
        Assert.Multiple(() =>
        {
            Assert.That(client.BaseUrl.OriginalString, Is.EqualTo(TestClients.BaseUrl));
            Assert.That(client.Timeout, Is.EqualTo(LucairnClientOptions.DefaultTimeout));
            Assert.That(client.MaxRetries, Is.EqualTo(0));
        });
    }

    [TestCase("options.ApiKey")]
    [TestCase("options.Timeout")]
    [TestCase("options.MaxResponseBytes")]
    [TestCase("options.MaxRetries")]
    [TestCase("options.TimeProvider")]
    public void every_option_error_names_the_option(string name)
    {
        Action<LucairnClientOptions> tweak = name switch
        {
            "options.ApiKey" => c => c.ApiKey = null,
            "options.Timeout" => c => c.Timeout = TimeSpan.Zero,
            "options.MaxResponseBytes" => c => c.MaxResponseBytes = 0,
            "options.MaxRetries" => c => c.MaxRetries = -1,
            _ => c => c.TimeProvider = null!,
        };
        LucairnValidationException error = Rejects(tweak);
        Assert.Multiple(() =>
        {
            Assert.That(error.ParamName, Is.EqualTo(name));
            Assert.That(error.Message, Does.StartWith(name));
        });
    }

    [Test]
    public void null_http_client_names_the_argument()
    {
        var error = Assert.Throws<LucairnValidationException>(() => new LucairnClient(TestClients.Config(), null!).Dispose())!;
        Assert.That(error.ParamName, Is.EqualTo("httpClient"));
    }
}
