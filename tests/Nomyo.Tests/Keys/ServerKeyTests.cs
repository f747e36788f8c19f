using Nomyo.Testing;

namespace Nomyo.Tests;

public class ServerKeyTests
{
    [Test]
    public async Task Server_key_is_fetched_once_per_base_url()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);

        await client.CreateAsync("m", Harness.Hello());
        await client.CreateAsync("m", Harness.Hello());
        string pem = await client.Client.FetchServerPublicKeyAsync();

        Assert.That(emulator.KeyRequestCount, Is.EqualTo(1));
        Assert.That(pem, Is.EqualTo(emulator.ServerPublicKeyPem));
    }

    [Test]
    public async Task Matching_pin_by_hash_or_pem_is_accepted()
    {
        var emulator = Harness.InProcessEmulator();
        using var byHash = Harness.Client(emulator, o => o.ServerKeyPin = emulator.ServerKeyPin.ToUpperInvariant());
        using var byPem = Harness.Client(emulator, o => o.ServerKeyPin = emulator.ServerPublicKeyPem);

        await byHash.CreateAsync("m", Harness.Hello());
        await byPem.CreateAsync("m", Harness.Hello());

        Assert.That(emulator.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Pin_mismatch_fails_closed_before_anything_is_sent()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator, o => o.ServerKeyPin = TestKeys.OtherServer.PublicKey.GetSpkiSha256Hex());

        var ex = await Assert.ThrowsAsync<NomyoSecurityException>(() => client.CreateAsync("m", Harness.Hello()));

        Assert.That(ex!.Reason, Is.EqualTo(NomyoSecurityReason.PinMismatch));
        Assert.That(emulator.CompletionRequestCount, Is.Zero);
    }

    [TestCase("abc")]
    [TestCase("-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----")]
    public void Malformed_pin_is_rejected_at_construction(string pin)
    {
        Assert.Throws<NomyoValidationException>(() => new SecureCompletionClient(new NomyoClientOptions { ServerKeyPin = pin, ClientKey = TestKeys.Client }));
    }

    /// <summary>Named cases: the EC key is fresh on every discovery, so its text cannot be the test's name (a test runner matching cases by name, such as Stryker's, would lose it).</summary>
    private static IEnumerable<TestCaseData> UnusableKeys()
    {
        yield return new TestCaseData("not a pem").SetArgDisplayNames("not a pem");
        using var ec = System.Security.Cryptography.ECDsa.Create();
        yield return new TestCaseData(ec.ExportSubjectPublicKeyInfoPem()).SetArgDisplayNames("an EC public key");
    }

    [TestCaseSource(nameof(UnusableKeys))]
    public async Task Unusable_server_key_is_a_security_error(string served)
    {
        using var client = new SecureChatCompletion(
            new NomyoClientOptions { BaseUrl = new Uri("https://router.test"), ClientKey = TestKeys.Client },
            new HttpClient(new KeyOnlyHandler(served)));

        var ex = await Assert.ThrowsAsync<NomyoSecurityException>(() => client.CreateAsync("m", Harness.Hello()));
        Assert.That(ex!.Reason, Is.EqualTo(NomyoSecurityReason.ServerKeyInvalid));
    }

    [TestCase(1L, "less than 65537")]
    [TestCase(3L, "less than 65537")]
    [TestCase(65538L, "even")]
    public async Task Server_key_with_an_unsafe_exponent_is_refused_without_a_pin(long exponent, string reason)
    {
        using var client = new SecureChatCompletion(
            new NomyoClientOptions { BaseUrl = new Uri("https://router.test"), ClientKey = TestKeys.Client },
            new HttpClient(new KeyOnlyHandler(ServerKeyWithExponent(exponent))));

        var ex = await Assert.ThrowsAsync<NomyoSecurityException>(() => client.CreateAsync("m", Harness.Hello()));
        Assert.That(ex!.Reason, Is.EqualTo(NomyoSecurityReason.ServerKeyInvalid));
        Assert.That(ex.Message, Does.Contain("exponent").And.Contain(reason));
    }

    /// <summary>The emulator server key's modulus with another public exponent, as a PEM public key.</summary>
    private static string ServerKeyWithExponent(long exponent)
    {
        using var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportFromPem(TestKeys.Server.PublicKey.ToPem());
        var modulus = new Org.BouncyCastle.Math.BigInteger(1, rsa.ExportParameters(false).Modulus!);
        var spki = new Org.BouncyCastle.Asn1.X509.SubjectPublicKeyInfo(
            new Org.BouncyCastle.Asn1.X509.AlgorithmIdentifier(Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers.RsaEncryption, Org.BouncyCastle.Asn1.DerNull.Instance),
            new Org.BouncyCastle.Asn1.X509.RsaPublicKeyStructure(modulus, Org.BouncyCastle.Math.BigInteger.ValueOf(exponent)));
        return "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(spki.GetDerEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    [Test]
    public void Plain_http_without_allow_http_fails_at_construction()
    {
        var ex = Assert.Throws<NomyoValidationException>(() => new SecureChatCompletion(new NomyoClientOptions { BaseUrl = new Uri("http://api.nomyo.ai"), ClientKey = TestKeys.Client }));
        Assert.That(ex!.Message, Does.Contain("AllowHttp"));
        Assert.That(ex.ParamName, Is.EqualTo("options.BaseUrl"));
    }

    [Test]
    public async Task Plain_http_per_call_base_url_without_allow_http_is_refused()
    {
        using var client = new SecureChatCompletion(new NomyoClientOptions { ClientKey = TestKeys.Client });

        var ex = await Assert.ThrowsAsync<NomyoValidationException>(() => client.CreateAsync("m", Harness.Hello(), new ChatCompletionOptions { BaseUrl = new Uri("http://evil.test") }));
        Assert.That(ex!.ParamName, Is.EqualTo("options.BaseUrl"));
    }

    [TestCase("ftp://x")]
    [TestCase("relative/path")]
    [TestCase("https://x/?q=1")]
    [TestCase("https://x/#f")]
    public void Bad_base_urls_are_rejected(string url)
    {
        var ex = Assert.Throws<NomyoValidationException>(() => new SecureCompletionClient(new NomyoClientOptions { BaseUrl = new Uri(url, UriKind.RelativeOrAbsolute), ClientKey = TestKeys.Client }));
        Assert.That(ex!.ParamName, Is.EqualTo("options.BaseUrl"));
    }

    [Test]
    public void A_null_base_url_is_rejected()
    {
        var ex = Assert.Throws<NomyoValidationException>(() => new SecureCompletionClient(new NomyoClientOptions { BaseUrl = null!, ClientKey = TestKeys.Client }));
        Assert.That(ex!.ParamName, Is.EqualTo("options.BaseUrl"));
    }

    [Test]
    public void Base_url_trailing_slash_is_stripped()
    {
        using var client = new SecureCompletionClient(new NomyoClientOptions { BaseUrl = new Uri("https://api.nomyo.ai/"), ClientKey = TestKeys.Client });
        Assert.That(client.BaseUrl.OriginalString, Is.EqualTo("https://api.nomyo.ai"));
    }

    [Test]
    public async Task Base_url_with_a_path_prefix_keeps_the_prefix()
    {
        var emulator = Harness.InProcessEmulator();
        var recorder = new PrefixStrippingHandler("/nomyo") { InnerHandler = emulator.CreateHandler() };
        using var client = new SecureChatCompletion(
            new NomyoClientOptions { BaseUrl = new Uri("https://gateway.test/nomyo/"), ApiKey = Harness.ApiKey, ClientKey = TestKeys.Client },
            new HttpClient(recorder));

        await client.CreateAsync("m", Harness.Hello());

        Assert.That(recorder.Seen, Is.EqualTo(new[] { "GET https://gateway.test/nomyo/pki/public_key", "POST https://gateway.test/nomyo/v1/chat/secure_completion" }));
    }

    /// <summary>Records request URLs and strips a path prefix before the emulator sees them.</summary>
    private sealed class PrefixStrippingHandler(string prefix) : DelegatingHandler
    {
        public List<string> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add($"{request.Method} {request.RequestUri}");
            request.RequestUri = new Uri(request.RequestUri!.ToString().Replace(prefix, string.Empty, StringComparison.Ordinal));
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Serves a fixed text as the server key.</summary>
    private sealed class KeyOnlyHandler(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(body) });
    }
}
