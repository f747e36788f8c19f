using Attesto;
using Moq;
namespace Attesto.Tests.Client;

public class AttestoClientOptionsTests
{
    [TestCase("atto_live_0123456789abcdef0123456789abcdef", true)]
    [TestCase("atto_test_0123456789abcdef0123456789abcdef", true)]
    [TestCase("atto_live_0123456789ABCDEF0123456789abcdef", false)]
    [TestCase("atto_live_0123456789abcdef0123456789abcde", false)]
    [TestCase("atto_live_0123456789abcdef0123456789abcdef0", false)]
    [TestCase("atto_prod_0123456789abcdef0123456789abcdef", false)]
    [TestCase("atto_live_0123456789abcdef0123456789abcdef\n", false)]
    [TestCase("", false)]
    public void Key_format(string key, bool ok)
    {
        Assert.That(AttestoClientOptions.IsWellFormedApiKey(key), Is.EqualTo(ok));
        if (ok)
        {
            using var client = new AttestoClient(key);
        }
        else
        {
            var ex = Assert.Throws<AttestoValidationException>(() => new AttestoClient(new AttestoClientOptions(key)));
            Assert.That(ex!.Message, Does.Not.Contain("0123456789abcdef0123"));
        }
    }

    [Test]
    public void Bearer_token_path_skips_the_key_format()
    {
        using var client = AttestoClient.WithBearerToken("eyJhbGciOi.token");
        Assert.That(AttestoClientOptions.WithBearerToken("t").ValidateKeyFormat, Is.False);
    }

    [TestCase("ftp://verify.attesto.eu")]
    [TestCase("https://verify.attesto.eu/?q=1")]
    [TestCase("https://verify.attesto.eu/#frag")]
    [TestCase("https://user:pw@verify.attesto.eu")]
    public void Base_url_must_be_a_plain_http_origin(string url)
    {
        var options = new AttestoClientOptions(ClientHarness.Key) { BaseUrl = new Uri(url) };
        Assert.Throws<AttestoValidationException>(() => new AttestoClient(options));
    }

    [Test]
    public void Relative_base_url_timeout_and_retries_are_checked()
    {
        Assert.Throws<AttestoValidationException>(() => new AttestoClient(new AttestoClientOptions(ClientHarness.Key) { BaseUrl = new Uri("/x", UriKind.Relative) }));
        Assert.Throws<AttestoValidationException>(() => new AttestoClient(new AttestoClientOptions(ClientHarness.Key) { Timeout = TimeSpan.Zero }));
        Assert.Throws<AttestoValidationException>(() => new AttestoClient(new AttestoClientOptions(ClientHarness.Key) { MaxRetries = -1 }));
        Assert.Throws<AttestoValidationException>(() => new AttestoClient(new AttestoClientOptions()));
    }

    [Test]
    public void ToString_never_shows_the_key()
    {
        var options = new AttestoClientOptions(ClientHarness.Key);
        Assert.That(options.ToString(), Does.Not.Contain(ClientHarness.Key).And.Contain("redacted"));
        Assert.That(options.BaseUrl, Is.EqualTo(new Uri("https://verify.attesto.eu")));
        Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(options.MaxRetries, Is.EqualTo(3));
    }

    [Test]
    public void Mocking_constructor_exists_and_methods_are_virtual()
    {
        var mock = new Moq.Mock<AttestoClient>();
        mock.Setup(c => c.GetEventProofAsync("evt", default)).ReturnsAsync(new EventProof { BatchId = "b" });
        Assert.That(mock.Object.GetEventProofAsync("evt").Result.BatchId, Is.EqualTo("b"));
    }
}
