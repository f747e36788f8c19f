namespace Lucairn.Verify.Chain;

/// <summary>The text report of <c>lucairn-verify --chain</c> (ASCII only).</summary>
internal static class ChainReport
{
    internal static void Write(TextWriter stdout, CertificateChainResult result, CertificateChainKeys keys, string require, bool met)
    {
        stdout.WriteLine($"{result.Verdict}  reason {result.Reason} (recipe step {result.Step})");
        if (result.Verified is { } verified)
        {
            stdout.WriteLine($"  certificate {verified.Certificate["certificate_id"]} (request {verified.Certificate["request_id"]}), witness key '{keys.WitnessKeyId}'");
            stdout.WriteLine($"  egress {result.EgressAttestation}, user_unredacted {result.UserUnredacted}, signed tier {result.SignedCertTier}, " +
                             $"signable {result.SignableVersion}, request binding {result.RequestBinding}");
            stdout.WriteLine($"  {verified.Claims.Count} claim signature(s) verified against pinned service keys: {string.Join(", ", verified.Claims.Keys)}");
        }
        else
        {
            stdout.WriteLine("  nothing in this certificate is verified");
        }

        stdout.WriteLine($"  required {require}: {(met ? "met" : "not met")}");
    }
}
