using Nomyo.Testing;

namespace Nomyo.Tests;

public class DowngradeTests
{
    [TestCase(NomyoEmulatorFault.BadVersion, NomyoSecurityReason.Downgrade)]
    [TestCase(NomyoEmulatorFault.BadAlgorithm, NomyoSecurityReason.Downgrade)]
    [TestCase(NomyoEmulatorFault.Aes128Key, NomyoSecurityReason.Downgrade)]
    [TestCase(NomyoEmulatorFault.TruncatedTag, NomyoSecurityReason.MalformedPackage)]
    [TestCase(NomyoEmulatorFault.BadBase64, NomyoSecurityReason.MalformedPackage)]
    [TestCase(NomyoEmulatorFault.ShortNonce, NomyoSecurityReason.MalformedPackage)]
    [TestCase(NomyoEmulatorFault.MissingTag, NomyoSecurityReason.MalformedPackage)]
    [TestCase(NomyoEmulatorFault.TamperedCiphertext, NomyoSecurityReason.Tampered)]
    [TestCase(NomyoEmulatorFault.NotJson, NomyoSecurityReason.MalformedPackage)]
    [TestCase(NomyoEmulatorFault.WrongPayloadId, NomyoSecurityReason.PayloadIdMismatch)]
    [TestCase(NomyoEmulatorFault.ArrayPlaintext, NomyoSecurityReason.MalformedPlaintext)]
    public async Task Every_malformed_or_downgraded_answer_is_a_security_error_with_its_reason(NomyoEmulatorFault fault, NomyoSecurityReason reason)
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);
        emulator.MalformNext(fault);

        var ex = await Assert.ThrowsAsync<NomyoSecurityException>(() => client.CreateAsync("m", Harness.Hello()));

        Assert.That(ex!.Reason, Is.EqualTo(reason));
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
        Assert.That(ex!.Reason, Is.EqualTo(NomyoSecurityReason.Tampered));
    }

    [TestCase("")]
    [TestCase("[]")]
    [TestCase("{\"version\": \"1.0\"}")]
    [TestCase("{\"version\": \"1.0\", \"version\": \"1.0\", \"algorithm\": \"x\", \"encrypted_payload\": {}, \"encrypted_aes_key\": \"\"}")]
    public void Malformed_packages_are_rejected_by_the_low_level_decryptor(string json)
    {
        using var client = new SecureCompletionClient(new NomyoClientOptions { ClientKey = TestKeys.Client });

        var ex = Assert.Throws<NomyoSecurityException>(() => client.DecryptResponse(System.Text.Encoding.UTF8.GetBytes(json), "id"));
        Assert.That(ex!.Reason, Is.EqualTo(NomyoSecurityReason.MalformedPackage));
    }

    [Test]
    public void Invalid_utf8_is_rejected()
    {
        using var client = new SecureCompletionClient(new NomyoClientOptions { ClientKey = TestKeys.Client });

        var ex = Assert.Throws<NomyoSecurityException>(() => client.DecryptResponse([0x7B, 0xFF, 0xFE, 0x7D], "id"));
        Assert.That(ex!.Reason, Is.EqualTo(NomyoSecurityReason.MalformedPackage));
    }

    private static string WriteTemp(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"nomyo-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, text);
        return path;
    }
}
