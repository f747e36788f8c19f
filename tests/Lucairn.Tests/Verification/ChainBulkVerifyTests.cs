using System.Text;
using Lucairn.Tests.Verification.Chain;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn.Tests.Verification;

/// <summary><see cref="CertificateChainVerifier"/> in bulk over the parity-corpus certificates.</summary>
public class ChainBulkVerifyTests
{
    private static byte[] Case(string id) => ChainCorpus.Input(ChainCorpus.Cases.Single(c => (string)c["id"]! == id));

    [Test]
    public async Task VerifyManyAsync_keeps_input_order_and_each_result_equals_the_single_call()
    {
        // Every case certificate of the corpus, twice, so the workers interleave a long mixed run.
        byte[][] corpus = [.. ChainCorpus.PresentCases.Select(ChainCorpus.Input)];
        byte[][] batch = [.. corpus, .. corpus.Reverse()];
        CertificateChainKeys keys = ChainCorpus.KeysFor("minimum_v3");

        var results = new List<BulkResult<CertificateChainResult>>();
        await foreach (BulkResult<CertificateChainResult> result in CertificateChainVerifier.VerifyManyAsync(batch, keys, new BulkOptions { MaxDegreeOfParallelism = 3, InFlightPerWorker = 2 }))
        {
            results.Add(result);
        }

        Assert.That(results.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, batch.Length).Select(i => (long)i)));
        Assert.That(results.All(r => r.Succeeded), Is.True, "a bad certificate is a FAILED result, never an exception");
        string[] single = [.. batch.Select(b => CertificateChainVerifier.Verify(b, keys).ToJson())];
        Assert.That(results.Select(r => r.Value!.ToJson()), Is.EqualTo(single));
        Assert.That(results.Select(r => r.Value!.Verdict).Distinct(), Is.SupersetOf(new[] { ChainVerdicts.Failed, ChainVerdicts.Verified }), "the mix holds more than one verdict");
    }

    [Test]
    public async Task VerifyStreamAsync_turns_a_malformed_document_mid_stream_into_one_FAILED_result()
    {
        byte[] good = Case("honest_full_chain_egress");
        async IAsyncEnumerable<byte[]?> Documents()
        {
            await Task.Yield();
            yield return good;
            yield return Encoding.UTF8.GetBytes("{\"certificate_id\": ");
            yield return null;
            yield return Case("tamper_claim_body_edited_same_id");
            yield return good;
        }

        var results = new List<CertificateChainResult>();
        await foreach (BulkResult<CertificateChainResult> result in CertificateChainVerifier.VerifyStreamAsync(Documents(), ChainCorpus.KeysFor("default"), new BulkOptions { MaxDegreeOfParallelism = 2 }))
        {
            Assert.That(result.Succeeded, Is.True, result.ToString());
            results.Add(result.Value!);
        }

        Assert.That(results.Select(r => r.Verdict), Is.EqualTo(new[] { ChainVerdicts.Verified, ChainVerdicts.Failed, ChainVerdicts.Failed, ChainVerdicts.Failed, ChainVerdicts.Verified }));
        Assert.That(results.Skip(1).Take(2).Select(r => r.Reason), Is.EqualTo(new[] { ChainReasons.Malformed, ChainReasons.Malformed }));
        Assert.That(results[3].ToJson(), Is.EqualTo(CertificateChainVerifier.Verify(Case("tamper_claim_body_edited_same_id"), ChainCorpus.KeysFor("default")).ToJson()));
        Assert.That((string?)JObject.Parse(results[4].ToJson())["verified"]!["certificate"]!["certificate_id"], Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public void Refused_keys_throw_before_the_run_reads_any_certificate()
    {
        bool read = false;
        IEnumerable<byte[]?> Documents()
        {
            read = true;
            yield return Case("honest_full_chain_egress");
        }

        async IAsyncEnumerable<byte[]?> Stream()
        {
            read = true;
            await Task.Yield();
            yield return Case("honest_full_chain_egress");
        }

        CertificateChainKeys testKeysRefused = new() { WitnessKeyId = ChainCorpus.WitnessKeyId, WitnessPublicKey = ChainCorpus.WitnessKey, ServicePublicKeys = ChainCorpus.ServiceKeys };
        CertificateChainKeys malformed = new() { WitnessKeyId = "w", WitnessPublicKey = "not-base64", ServicePublicKeys = ChainCorpus.ServiceKeys, AllowTestKeys = true };
        CertificateChainKeys badPolicy = new() { WitnessKeyId = "w", WitnessPublicKey = ChainCorpus.WitnessKey, MinimumSignableVersion = "v9", AllowTestKeys = true };

        var testKey = Assert.Throws<LucairnPinnedKeyException>(() => CertificateChainVerifier.VerifyManyAsync(Documents(), testKeysRefused));
        var badKey = Assert.Throws<LucairnPinnedKeyException>(() => CertificateChainVerifier.VerifyStreamAsync(Stream(), malformed));
        Assert.Throws<LucairnValidationException>(() => CertificateChainVerifier.VerifyManyAsync(Documents(), badPolicy));

        Assert.That((testKey!.Code, testKey.Key), Is.EqualTo((LucairnPinnedKeyException.KeyTestKey, "witness")));
        Assert.That((badKey!.Code, badKey.Key), Is.EqualTo((LucairnPinnedKeyException.KeyMalformed, "witness")));
        Assert.That(read, Is.False, "no certificate is read when the keys are refused");
    }

    [Test]
    public void Null_arguments_are_rejected_before_the_run()
    {
        Assert.Throws<LucairnValidationException>(() => CertificateChainVerifier.VerifyManyAsync(null!, ChainCorpus.KeysFor("default")));
        Assert.Throws<LucairnValidationException>(() => CertificateChainVerifier.VerifyManyAsync([], null!));
        Assert.Throws<LucairnValidationException>(() => CertificateChainVerifier.VerifyStreamAsync(null!, ChainCorpus.KeysFor("default")));
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificateChainVerifier.VerifyManyAsync([], ChainCorpus.KeysFor("default"), new BulkOptions { MaxDegreeOfParallelism = 0 }));
    }
}
