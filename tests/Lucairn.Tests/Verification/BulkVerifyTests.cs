using Shared.Crypto;

namespace Lucairn.Tests.Verification;

public class BulkVerifyTests
{
    [Test]
    public async Task VerifyManyAsync_yields_each_certificate_in_order_and_a_bad_one_is_one_failed_result()
    {
        string real = CertificateFixtures.RealV3;
        string?[] batch = [real, "{\"certificate_id\": ", real, null, CertificateFixtures.Text("cert-tampered-payload.json"), real];
        var results = new List<BulkResult<VerifyCertificateResult>>();
        await foreach (BulkResult<VerifyCertificateResult> result in CertificateVerifier.VerifyManyAsync(batch, CertificateFixtures.ProductionKeys, SignableVersion.V3, new BulkOptions { MaxDegreeOfParallelism = 2 }))
        {
            results.Add(result);
        }

        Assert.That(results.Select(r => r.Index), Is.EqualTo(new long[] { 0, 1, 2, 3, 4, 5 }));
        Assert.That(results.Select(r => r.Succeeded), Is.EqualTo(new[] { true, false, true, false, false, true }));
        Assert.That(results.Where(r => !r.Succeeded).Select(r => ((LucairnCertificateException)r.Error!).Reason),
            Is.EqualTo(new[] { VerifyCertificateFailureReason.Malformed, VerifyCertificateFailureReason.Malformed, VerifyCertificateFailureReason.InvalidSignature }));
        Assert.That(results[5].Value!.CertificateId, Is.EqualTo("veil_019eaed5-fc46-724d-ad80-2ad67ef87d3d"));
    }

    [Test]
    public async Task VerifyStreamAsync_matches_the_single_document_verifier()
    {
        async IAsyncEnumerable<string?> Lines()
        {
            await Task.Yield();
            yield return CertificateFixtures.RealV3;
            yield return CertificateFixtures.Anchored;
        }

        var outcomes = new List<bool>();
        await foreach (BulkResult<VerifyCertificateResult> result in CertificateVerifier.VerifyStreamAsync(Lines(), CertificateFixtures.ProductionKeys))
        {
            outcomes.Add(result.Succeeded);
        }

        Assert.That(outcomes, Is.EqualTo(new[] { true, false }), "the anchored test certificate is signed by the test key, not the production key");
    }

    [Test]
    public void Bad_arguments_are_rejected_before_the_run()
    {
        Assert.Throws<LucairnValidationException>(() => CertificateVerifier.VerifyManyAsync(null!, CertificateFixtures.ProductionKeys));
        Assert.Throws<LucairnValidationException>(() => CertificateVerifier.VerifyManyAsync([], null!));
        Assert.Throws<LucairnValidationException>(() => CertificateVerifier.VerifyManyAsync([], CertificateFixtures.ProductionKeys, (SignableVersion)9));
    }
}
