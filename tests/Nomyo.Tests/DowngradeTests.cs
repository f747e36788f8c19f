using Nomyo.Testing;

namespace Nomyo.Tests;

public class DowngradeTests
{
    [TestCase(NomyoEmulatorFault.BadVersion, "'version' is \"0.9\"")]
    [TestCase(NomyoEmulatorFault.BadAlgorithm, "'algorithm' is \"hybrid-aes128-rsa2048\"")]
    [TestCase(NomyoEmulatorFault.Aes128Key, "only AES-256")]
    [TestCase(NomyoEmulatorFault.TruncatedTag, "'encrypted_payload.tag' must be 16 bytes; it is 12")]
    [TestCase(NomyoEmulatorFault.BadBase64, "encrypted_payload.ciphertext")]
    [TestCase(NomyoEmulatorFault.ShortNonce, "'encrypted_payload.nonce' must be 12 bytes; it is 8")]
    [TestCase(NomyoEmulatorFault.MissingTag, "'encrypted_payload.tag' must be a base64 string; it is missing")]
    [TestCase(NomyoEmulatorFault.TamperedCiphertext, "integrity check or authentication failed")]
    [TestCase(NomyoEmulatorFault.NotJson, "not valid UTF-8 JSON")]
    [TestCase(NomyoEmulatorFault.WrongPayloadId, "belongs to another request")]
    [TestCase(NomyoEmulatorFault.ArrayPlaintext, "must be a JSON object")]
    public async Task Every_malformed_or_downgraded_answer_is_a_security_error(NomyoEmulatorFault fault, string message)
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);
        emulator.MalformNext(fault);

        var ex = await Assert.ThrowsAsync<NomyoSecurityException>(() => client.CreateAsync("m", Harness.Hello()));

        Assert.That(ex!.Message, Does.Contain(message));
        Assert.That(emulator.CompletionRequestCount, Is.EqualTo(1), "security errors are never retried");
    }

    [Test]
    public void A_response_encrypted_to_another_key_fails_closed()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);
        var package = Shared.Crypto.HybridEnvelope.Seal(TestKeys.OtherServer.PublicKey, "{}"u8);
        byte[] body = System.Text.Encoding.ASCII.GetBytes(
            $"{{\"version\": \"1.0\", \"algorithm\": \"hybrid-aes256-rsa4096\", \"encrypted_payload\": {{\"ciphertext\": \"{Convert.ToBase64String(package.Ciphertext)}\", \"nonce\": \"{Convert.ToBase64String(package.Nonce)}\", \"tag\": \"{Convert.ToBase64String(package.Tag)}\"}}, \"encrypted_aes_key\": \"{Convert.ToBase64String(package.EncryptedKey)}\"}}");
        client.Client.LoadKeys(WriteTemp(TestKeys.Client.ToPem()));

        var ex = Assert.Throws<NomyoSecurityException>(() => client.Client.DecryptResponse(body, "id"));
        Assert.That(ex!.Message, Is.EqualTo("Decryption failed: integrity check or authentication failed."));
    }

    [TestCase("")]
    [TestCase("[]")]
    [TestCase("{\"version\": \"1.0\"}")]
    [TestCase("{\"version\": \"1.0\", \"version\": \"1.0\", \"algorithm\": \"x\", \"encrypted_payload\": {}, \"encrypted_aes_key\": \"\"}")]
    public void Malformed_packages_are_rejected_by_the_low_level_decryptor(string json)
    {
        using var client = new SecureCompletionClient(new NomyoClientOptions { ClientKey = TestKeys.Client });

        Assert.Throws<NomyoSecurityException>(() => client.DecryptResponse(System.Text.Encoding.UTF8.GetBytes(json), "id"));
    }

    [Test]
    public void Invalid_utf8_is_rejected()
    {
        using var client = new SecureCompletionClient(new NomyoClientOptions { ClientKey = TestKeys.Client });

        var ex = Assert.Throws<NomyoSecurityException>(() => client.DecryptResponse([0x7B, 0xFF, 0xFE, 0x7D], "id"));
        Assert.That(ex!.Message, Does.Contain("UTF-8"));
    }

    private static string WriteTemp(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"nomyo-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, text);
        return path;
    }
}
