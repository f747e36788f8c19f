using Newtonsoft.Json.Linq;
using Nomyo.Testing;

namespace Nomyo.Tests;

public class RoundTripTests
{
    [Test]
    public async Task Socket_round_trip_returns_the_echo_with_usage_and_stamped_metadata()
    {
        await using var emulator = Harness.SocketEmulator();
        using var client = Harness.SocketClient(emulator);

        ChatCompletion answer = await client.CreateAsync("Qwen/Qwen3-0.6B", [ChatMessage.System("Be brief."), ChatMessage.User("What is the capital of France?")]);

        Assert.That(answer.Object, Is.EqualTo("chat.completion"));
        Assert.That(answer.Model, Is.EqualTo("Qwen/Qwen3-0.6B"));
        Assert.That(answer.Id, Does.StartWith("chatcmpl-"));
        Assert.That(answer.Choices, Has.Count.EqualTo(1));
        Assert.That(answer.Choices[0].Message.Role, Is.EqualTo("assistant"));
        Assert.That(answer.Choices[0].Message.Content, Is.EqualTo("What is the capital of France?"));
        Assert.That(answer.Choices[0].FinishReason, Is.EqualTo("stop"));
        Assert.That(answer.Usage!.PromptTokens, Is.EqualTo(8));
        Assert.That(answer.Usage.CompletionTokens, Is.EqualTo(6));
        Assert.That(answer.Usage.TotalTokens, Is.EqualTo(14));

        var request = emulator.Requests.Single();
        Assert.That(answer.Metadata.PayloadId, Is.EqualTo(request.PayloadId));
        Assert.That(answer.Metadata.PayloadId, Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That(answer.Metadata.IsEncrypted, Is.True);
        Assert.That(answer.Metadata.EncryptionAlgorithm, Is.EqualTo("hybrid-aes256-rsa4096"));
        Assert.That(answer.Metadata.ProcessedAt, Is.Not.Null);
        Assert.That(answer.Metadata.SecurityTier, Is.EqualTo("standard"));
        Assert.That((bool)answer.GetRawJson()["_metadata"]!["mock"]!, Is.True, "server _metadata keys survive the merge");
        Assert.That((string?)answer.Metadata.AdditionalData["response_status"], Is.EqualTo("success"));
    }

    [Test]
    public async Task Request_carries_the_python_headers()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);

        await client.CreateAsync("m", Harness.Hello(), new ChatCompletionOptions { SecurityTier = SecurityTier.Maximum });

        var request = emulator.Requests.Single();
        string pem = TestKeys.Client.PublicKey.ToPem();
        Assert.That(request.PublicKeyHeader, Is.EqualTo(Uri.EscapeDataString(pem).Replace("%2F", "/", StringComparison.Ordinal)));
        Assert.That(request.PublicKeyHeader, Does.StartWith("-----BEGIN%20PUBLIC%20KEY-----%0AMIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEA"));
        Assert.That(request.PublicKeyHeader, Does.EndWith("%0A"));
        Assert.That(request.PublicKeyHeader, Does.Not.Contain("+"));
        Assert.That(request.ContentType, Is.EqualTo("application/octet-stream"));
        Assert.That(request.Authorization, Is.EqualTo("Bearer test-key"));
        Assert.That(request.SecurityTier, Is.EqualTo("maximum"));
        Assert.That(client.Client.PublicKeyPem, Is.EqualTo(pem));
    }

    [Test]
    public async Task No_authorization_or_tier_header_is_sent_when_none_is_set()
    {
        var emulator = Harness.InProcessEmulator(apiKey: null);
        using var client = Harness.Client(emulator, o => o.ApiKey = null);

        await client.CreateAsync("m", Harness.Hello());

        var request = emulator.Requests.Single();
        Assert.That(request.Authorization, Is.Null);
        Assert.That(request.SecurityTier, Is.Null);
    }

    [Test]
    public async Task Request_package_has_the_python_field_order_and_lengths()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);

        await client.CreateAsync("m", Harness.Hello());

        string body = System.Text.Encoding.ASCII.GetString(emulator.Requests.Single().Body);
        Assert.That(body, Does.Match(
            "^\\{\"version\": \"1\\.0\", \"algorithm\": \"hybrid-aes256-rsa4096\", \"encrypted_payload\": \\{\"ciphertext\": \"[A-Za-z0-9+/=]+\", \"nonce\": \"[A-Za-z0-9+/]{16}\", \"tag\": \"[A-Za-z0-9+/]{22}==\"\\}, \"encrypted_aes_key\": \"[A-Za-z0-9+/]{683}=\", \"key_algorithm\": \"RSA-OAEP-SHA256\", \"payload_algorithm\": \"AES-256-GCM\"\\}$"));
    }

    [Test]
    public async Task Non_ascii_text_round_trips_and_is_escaped_like_json_dumps()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);
        const string Text = "Grüße, 日本語, emoji 😀, quote \" backslash \\ tab\t del\u007f";

        ChatCompletion answer = await client.CreateAsync("m", [ChatMessage.User(Text)]);

        Assert.That(answer.Choices[0].Message.Content, Is.EqualTo(Text));
        string sent = System.Text.Encoding.ASCII.GetString(emulator.Requests.Single().PayloadBytes);
        Assert.That(sent, Is.EqualTo(
            "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Gr\\u00fc\\u00dfe, \\u65e5\\u672c\\u8a9e, emoji \\ud83d\\ude00, quote \\\" backslash \\\\ tab\\t del\\u007f\"}]}"));
    }

    [Test]
    public async Task Nine_megabyte_message_round_trips()
    {
        await using var emulator = Harness.SocketEmulator();
        using var client = Harness.SocketClient(emulator);
        string text = new('a', 9 * 1024 * 1024);

        ChatCompletion answer = await client.CreateAsync("m", [ChatMessage.User(text)]);

        Assert.That(answer.Choices[0].Message.Content, Is.EqualTo(text));
    }

    [Test]
    public async Task Twenty_concurrent_calls_on_one_client_succeed_with_distinct_payload_ids()
    {
        await using var emulator = Harness.SocketEmulator();
        using var client = Harness.SocketClient(emulator);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.CreateAsync("m", [ChatMessage.User($"message {i}")])));

        Assert.That(answers.Select(a => a.Metadata.PayloadId).Distinct().Count(), Is.EqualTo(20));
        Assert.That(answers.Select(a => a.Choices[0].Message.Content), Is.EquivalentTo(Enumerable.Range(0, 20).Select(i => $"message {i}")));
        Assert.That(emulator.KeyRequestCount, Is.EqualTo(1), "the server key is fetched once and shared");
    }

    [Test]
    public async Task Per_call_base_url_reuses_the_client_keys_and_http_client()
    {
        var first = Harness.InProcessEmulator();
        var second = Harness.InProcessEmulator();
        var handler = new RoutingHandler(new Dictionary<string, HttpMessageHandler>
        {
            ["first.test"] = first.CreateHandler(),
            ["second.test"] = second.CreateHandler(),
        });
        using var client = new SecureChatCompletion(
            new NomyoClientOptions { BaseUrl = new Uri("http://first.test"), AllowHttp = true, ApiKey = Harness.ApiKey, ClientKey = TestKeys.Client },
            new HttpClient(handler));

        await client.CreateAsync("m", Harness.Hello("one"));
        await client.CreateAsync("m", Harness.Hello("two"), new ChatCompletionOptions { BaseUrl = new Uri("http://second.test/") });

        Assert.That(first.Requests.Single().Payload["messages"]![0]!["content"]!.ToString(), Is.EqualTo("one"));
        Assert.That(second.Requests.Single().Payload["messages"]![0]!["content"]!.ToString(), Is.EqualTo("two"));
        Assert.That(second.Requests.Single().PublicKeyHeader, Is.EqualTo(first.Requests.Single().PublicKeyHeader));
    }

    [Test]
    public async Task Ephemeral_key_is_generated_in_the_background_and_reused()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = new SecureChatCompletion(
            new NomyoClientOptions { BaseUrl = emulator.BaseUrl, AllowHttp = true, ApiKey = Harness.ApiKey },
            new HttpClient(emulator.CreateHandler()));

        await client.CreateAsync("m", Harness.Hello());
        await client.CreateAsync("m", Harness.Hello());

        var headers = emulator.Requests.Select(r => r.PublicKeyHeader).Distinct().ToArray();
        Assert.That(headers, Has.Length.EqualTo(1));
        Assert.That(client.Client.PublicKeyPem, Is.Not.Null);
        Assert.That(client.Client.KeySize, Is.EqualTo(4096));
        Assert.That(Shared.Crypto.RsaPublicKey.FromPem(client.Client.PublicKeyPem!).KeySizeBits, Is.EqualTo(4096), "the key actually generated");
    }

    /// <summary>Routes requests to a handler by host name.</summary>
    private sealed class RoutingHandler(Dictionary<string, HttpMessageHandler> routes) : HttpMessageHandler
    {
        private readonly Dictionary<string, HttpMessageInvoker> _routes = routes.ToDictionary(p => p.Key, p => new HttpMessageInvoker(p.Value));

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _routes[request.RequestUri!.Host].SendAsync(request, cancellationToken);
    }
}
