using Lucairn;
using Lucairn.Testing;

namespace Quickstart;

/// <summary>
/// The certificate-chain check next to the witness check: every claim's own signature against a
/// pinned key per service, the claim bytes rebuilt, egress digests and the cert tier, graded
/// FAILED &lt; PARTIAL &lt; EGRESS_UNATTESTED &lt; VERIFIED. Against the emulator it uses the
/// emulator's per-instance keys and also shows a tampered certificate that only this check catches.
/// </summary>
internal static class LucairnChainCheck
{
    /// <summary>The production witness public key (witness_v1) as padded base64.</summary>
    private const string ProductionWitnessKey = "ALoYnR2xElnmroA+71c55gC+AfI9tc3I9PSv99+qvMU=";

    internal static async Task RunAsync(QuickstartReport report, LucairnClient client, LucairnEmulator? emulator, string requestId)
    {
        if (emulator is null)
        {
            // The production service keys are not published with this SDK: pin them yourself
            // (CertificateChainKeys.ServicePublicKeys) to run this check against the real gateway.
            report.Done("chain check skipped: no pinned service keys for the real gateway");
            return;
        }

        CertificateChainResult chain = await client.VerifyCertificateChainAsync(requestId, emulator.ChainKeys);
        string line = Describe(chain);
        if (chain.Verdict == ChainVerdicts.Verified)
        {
            report.Verified($"certificate chain: {line}");
        }
        else
        {
            report.Failed($"certificate chain: {line}");
        }

        // Mock evidence: under the production witness key the chain check fails it too.
        var production = new CertificateChainKeys
        {
            WitnessKeyId = "witness_v1",
            WitnessPublicKey = ProductionWitnessKey,
            ServicePublicKeys = emulator.ServicePublicKeys,
        };
        CertificateChainResult asProduction = await client.VerifyCertificateChainAsync(requestId, production);
        if (asProduction.Verdict == ChainVerdicts.Failed)
        {
            report.Verified($"the same mock certificate fails the chain check under the production witness key ({asProduction.Reason})");
        }
        else
        {
            report.Failed($"a mock certificate passed the chain check under the production witness key: {Describe(asProduction)}");
        }

        // A claim body edited after signing, keeping its id: the witness (which signs claim ids
        // only) still verifies; the chain check fails it.
        emulator.FaultNextCertificates(EmulatorCertificateFault.ClaimSignatureInvalid);
        ProxyResponse answer = await client.SendMessagesAsync(new ProxyMessagesRequest
        {
            PromptTemplate = "Write a one-line reply to {customer}.",
            Context = new Dictionary<string, string> { ["customer"] = "Bob Example" },
        });
        if (answer is not ProxySyncResponse { RequestId: { } tamperedId })
        {
            report.Failed("the emulator did not answer the tampered request synchronously");
            return;
        }

        VeilCertificate certificate = await client.WaitForCertificateAsync(tamperedId, TimeSpan.FromMinutes(1));
        VerifyCertificateResult witness = client.VerifyCertificate(certificate, emulator.VerifyKeys, SignableVersion.V3);
        CertificateChainResult caught = await client.VerifyCertificateChainAsync(tamperedId, emulator.ChainKeys);
        if (caught.Verdict == ChainVerdicts.Failed && caught.Reason == ChainReasons.ClaimSignatureInvalid)
        {
            report.Verified($"tampered claim body: witness check passes ({witness.SignableVersion.ToWireName()}), chain check {Describe(caught)}");
        }
        else
        {
            report.Failed($"a tampered claim body was not caught by the chain check: {Describe(caught)}");
        }
    }

    private static string Describe(CertificateChainResult result) =>
        $"verdict {result.Verdict}, reason {result.Reason}, tier {result.SignedCertTier}, egress {result.EgressAttestation}, " +
        $"signable {result.SignableVersion}, user_unredacted {result.UserUnredacted}";
}
