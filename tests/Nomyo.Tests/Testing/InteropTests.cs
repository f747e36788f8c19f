using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using Nomyo.Http;
using Refit;
using Shared.Crypto;

namespace Nomyo.Tests;

/// <summary>The emulator and the low-level client against hand-built packages in other valid JSON styles.</summary>
public class InteropTests
{
    [Test]
    public async Task Emulator_accepts_a_compact_raw_utf8_package_sent_through_the_refit_interface()
    {
        var emulator = Harness.InProcessEmulator();
        var http = new HttpClient(emulator.CreateHandler()) { BaseAddress = emulator.BaseUrl };
        var api = RestService.For<INomyoApi>(http);
        using var client = new SecureCompletionClient(new NomyoClientOptions { ClientKey = TestKeys.Client });

        using var keyResponse = await api.GetPublicKeyAsync();
        var serverKey = RsaPublicKey.FromPem(await keyResponse.Content.ReadAsStringAsync());
        byte[] payload = Encoding.UTF8.GetBytes("""{"model":"m","messages":[{"role":"user","content":"naïve ☃"}]}""");
        var parts = HybridEnvelope.Seal(serverKey, payload);
        string package = new JObject
        {
            ["version"] = "1.0",
            ["algorithm"] = "hybrid-aes256-rsa4096",
            ["encrypted_payload"] = new JObject
            {
                ["ciphertext"] = Convert.ToBase64String(parts.Ciphertext),
                ["nonce"] = Convert.ToBase64String(parts.Nonce),
                ["tag"] = Convert.ToBase64String(parts.Tag),
            },
            ["encrypted_aes_key"] = Convert.ToBase64String(parts.EncryptedKey),
            ["key_algorithm"] = "RSA-OAEP-SHA256",
            ["payload_algorithm"] = "AES-256-GCM",
        }.ToString(Newtonsoft.Json.Formatting.None);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(package));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        string payloadId = Guid.NewGuid().ToString();

        using var response = await api.PostSecureCompletionAsync(
            content, payloadId, Uri.EscapeDataString(TestKeys.Client.PublicKey.ToPem()), "Bearer " + Harness.ApiKey, "standard");
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        JObject answer = client.DecryptResponse(body, payloadId);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(answer["choices"]![0]!["message"]!["content"]!.ToString(), Is.EqualTo("naïve ☃"));
        Assert.That(answer["_metadata"]!["payload_id"]!.ToString(), Is.EqualTo(payloadId));
        Assert.That((bool)answer["_metadata"]!["is_encrypted"]!, Is.True);
    }

    [Test]
    public async Task Emulator_rejects_a_plus_encoded_public_key_and_a_tagless_package()
    {
        var emulator = Harness.InProcessEmulator();
        var http = new HttpClient(emulator.CreateHandler()) { BaseAddress = emulator.BaseUrl };
        var api = RestService.For<INomyoApi>(http);

        using var plus = await api.PostSecureCompletionAsync(
            new ByteArrayContent("{}"u8.ToArray()), "id", System.Net.WebUtility.UrlEncode(TestKeys.Client.PublicKey.ToPem()), "Bearer " + Harness.ApiKey, null);
        using var tagless = await api.PostSecureCompletionAsync(
            new ByteArrayContent("""{"version": "1.0", "algorithm": "hybrid-aes256-rsa4096", "encrypted_payload": {"ciphertext": "AAAA", "nonce": "AAAA"}, "encrypted_aes_key": "AAAA"}"""u8.ToArray()),
            "id", Uri.EscapeDataString(TestKeys.Client.PublicKey.ToPem()), "Bearer " + Harness.ApiKey, null);

        Assert.That((int)plus.StatusCode, Is.EqualTo(400));
        Assert.That((int)tagless.StatusCode, Is.EqualTo(400));
        Assert.That(await tagless.Content.ReadAsStringAsync(), Does.Contain("encrypted_payload lacks tag"));
    }

    [Test]
    public async Task Low_level_send_secure_request_round_trips_a_jobject()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = new SecureCompletionClient(Harness.Options(emulator), new HttpClient(emulator.CreateHandler()));
        var payload = new JObject { ["model"] = "m", ["messages"] = new JArray(new JObject { ["role"] = "user", ["content"] = "low level" }) };
        string id = Guid.NewGuid().ToString();

        JObject answer = await client.SendSecureRequestAsync(payload, id, securityTier: SecurityTier.Standard);

        Assert.That(answer["choices"]![0]!["message"]!["content"]!.ToString(), Is.EqualTo("low level"));
        Assert.That(emulator.Requests.Single().PayloadId, Is.EqualTo(id));
    }

    [Test]
    public async Task Encrypt_payload_produces_a_package_the_emulator_key_opens()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = new SecureCompletionClient(Harness.Options(emulator), new HttpClient(emulator.CreateHandler()));

        byte[] package = await client.EncryptPayloadAsync(new JObject { ["model"] = "m", ["x"] = 1.0 });

        var json = JObject.Parse(Encoding.ASCII.GetString(package));
        var p = (JObject)json["encrypted_payload"]!;
        using var plain = HybridEnvelope.Open(TestKeys.Server, new HybridEnvelopeParts(
            Convert.FromBase64String((string)json["encrypted_aes_key"]!), Convert.FromBase64String((string)p["nonce"]!),
            Convert.FromBase64String((string)p["ciphertext"]!), Convert.FromBase64String((string)p["tag"]!)));
        Assert.That(Encoding.ASCII.GetString(plain.Span), Is.EqualTo("{\"model\": \"m\", \"x\": 1.0}"));
    }

    [Test]
    public void Decrypt_response_without_keys_is_a_security_error()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = new SecureCompletionClient(new NomyoClientOptions { KeyDirectory = Path.Combine(Path.GetTempPath(), "never-created") });

        var ex = Assert.Throws<NomyoSecurityException>(() => client.DecryptResponse("{}"u8.ToArray(), "id"));
        Assert.That(ex!.Reason, Is.EqualTo(NomyoSecurityReason.ClientKeyMissing));
        Assert.That(ex.ReasonCode, Is.EqualTo("client_key_missing"));
    }
}
