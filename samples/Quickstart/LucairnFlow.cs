using Lucairn;
using Lucairn.Testing;

namespace Quickstart;

/// <summary>
/// Lucairn: a message through the privacy gateway, then its signed certificate, verified
/// offline: the witness signature, then the whole certificate chain. Against the in-process emulator (its per-instance mock witness key), or the real
/// gateway and the production witness key when LUCAIRN_API_KEY is set (a Pro or Enterprise key).
/// </summary>
internal static class LucairnFlow
{
    /// <summary>The production witness public key (from Lucairn's published key file).</summary>
    private static readonly VerifyCertificateKeys ProductionWitness =
        new("witness_v1", "00ba189d1db11259e6ae803eef5739e600be01f23db5cdc8f4f4aff7dfaabcc5");

    internal static async Task RunAsync(QuickstartReport report)
    {
        string? apiKey = Environment.GetEnvironmentVariable("LUCAIRN_API_KEY");
        await using LucairnEmulator? emulator = string.IsNullOrEmpty(apiKey)
            ? LucairnEmulator.Start(new LucairnEmulatorOptions { CertificateDelay = TimeSpan.Zero })
            : null;
        report.Section("Lucairn: proxied message and privacy certificate", emulator is null ? "real gateway" : $"emulator at {emulator.BaseUrl}");

        using LucairnClient client = emulator is null
            ? new LucairnClient(apiKey!)
            : new LucairnClient(new LucairnClientOptions { ApiKey = emulator.ProApiKey, BaseUrl = emulator.BaseUrl });

        ProxyResponse response = await client.SendMessagesAsync(new ProxyMessagesRequest
        {
            PromptTemplate = "Write a one-line reply to {customer} confirming the order.",
            Context = new Dictionary<string, string> { ["customer"] = "Alice Example (alice@example.com)" },
        });
        string requestId;
        switch (response)
        {
            case ProxySyncResponse { RequestId: { } id } sync:
                requestId = id;
                report.Done($"proxied a message (request {id}, model {sync.ModelUsed}, {sync.RedactionCount ?? 0} value(s) redacted)");
                break;
            case ProxyAcceptedResponse accepted:
                report.Failed($"the gateway answered 202 processing (job {accepted.JobId}); this quickstart needs a synchronous answer to fetch the certificate");
                return;
            default:
                report.Failed("the gateway's answer carried no request id");
                return;
        }

        // Certificates appear a few seconds after the request: wait as long as the gateway asks, up to a minute.
        VeilCertificate certificate = await client.WaitForCertificateAsync(requestId, TimeSpan.FromMinutes(1));
        VerifyCertificateKeys keys = emulator?.VerifyKeys ?? ProductionWitness;
        VerifyCertificateResult result = client.VerifyCertificate(certificate, keys, SignableVersion.V3);
        report.Verified($"certificate {result.CertificateId}: witness signature over the {result.SignableVersion.ToWireName()} signable, " +
                        $"key id '{keys.WitnessKeyId}' ({keys.WitnessPublicKey.ToHex()[..16]}…), verdict {result.OverallVerdict.ToWireName()}");
        await LucairnChainCheck.RunAsync(report, client, emulator, requestId);

        if (emulator is not null)
        {
            try
            {
                client.VerifyCertificate(certificate, new VerifyCertificateKeys(keys.WitnessKeyId, ProductionWitness.WitnessPublicKey));
                report.Failed("a mock certificate verified against the production witness key");
            }
            catch (LucairnCertificateException ex)
            {
                report.Verified($"the same mock certificate is rejected by the production witness key ({ex.ReasonCode})");
            }
        }
    }
}
