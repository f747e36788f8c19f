// Smoke test for the packed Lucairn package alone: a proxied message against the package's own
// emulator, its certificate fetched and verified offline, and rejected by the production key.
using Lucairn;
using Lucairn.Testing;

await using var emulator = LucairnEmulator.Start(new LucairnEmulatorOptions { CertificateDelay = TimeSpan.Zero });
using var client = new LucairnClient(new LucairnClientOptions { ApiKey = emulator.ProApiKey, BaseUrl = emulator.BaseUrl });

var sync = (ProxySyncResponse)await client.SendMessagesAsync(new ProxyMessagesRequest { PromptTemplate = "Hello {name}", Context = new Dictionary<string, string> { ["name"] = "smoke" } });
VeilCertificate certificate = await client.GetCertificateAsync(sync.RequestId!);
VerifyCertificateResult result = client.VerifyCertificate(certificate, emulator.VerifyKeys, SignableVersion.V3);

try
{
    CertificateVerifier.Verify(certificate, new VerifyCertificateKeys(emulator.WitnessKeyId, "00ba189d1db11259e6ae803eef5739e600be01f23db5cdc8f4f4aff7dfaabcc5"));
    Console.Error.WriteLine("lucairn smoke: a mock certificate verified against the production key");
    return 1;
}
catch (LucairnCertificateException ex) when (ex.ReasonCode == "invalid_signature")
{
    Console.WriteLine($"lucairn smoke: certificate {result.CertificateId} verified ({result.SignableVersion.ToWireName()}); production key rejects it");
    return 0;
}
