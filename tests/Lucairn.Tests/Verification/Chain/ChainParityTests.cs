using System.Security.Cryptography;
using Newtonsoft.Json.Linq;
using TestSupport;

namespace Lucairn.Tests.Verification.Chain;

/// <summary>The upstream parity corpus (v1.2.3): every present case file under both policies, field for field and <c>verified</c>.</summary>
public class ChainParityTests
{
    private static readonly string[] Policies = ["default", "minimum_v3"];

    private static IEnumerable<TestCaseData> CasesAndPolicies() =>
        from c in ChainCorpus.PresentCases
        from policy in Policies
        select new TestCaseData((string)c["id"]!, policy).SetName($"Parity_{c["id"]}_{policy}");

    [TestCaseSource(nameof(CasesAndPolicies))]
    public void CaseMatchesExpectedResult(string id, string policy)
    {
        JObject manifestCase = ChainCorpus.Cases.Single(c => (string)c["id"]! == id);
        JObject expected = (JObject)ChainCorpus.Expected(manifestCase)[policy]!;
        JObject manifestExpected = (JObject)manifestCase["expected"]![policy]!;

        CertificateChainResult result = CertificateChainVerifier.Verify(ChainCorpus.Input(manifestCase), ChainCorpus.KeysFor(policy, manifestCase["inputs"] as JObject));
        JObject actual = ChainCorpus.Parse(result.ToJson());

        Assert.Multiple(() =>
        {
            foreach (JProperty field in manifestExpected.Properties())
            {
                Assert.That((string?)actual[field.Name], Is.EqualTo((string?)field.Value), $"{id} [{policy}] {field.Name} (decided at step {result.Step})");
            }

            Assert.That(JToken.DeepEquals(actual["verified"], expected["verified"]), Is.True,
                $"{id} [{policy}] verified differs:\n got  {actual["verified"]}\n want {expected["verified"]}");
            Assert.That(JToken.DeepEquals(actual, expected), Is.True, $"{id} [{policy}] whole result differs");
        });
    }

    [Test]
    public void EveryPresentCaseFileHashesToTheManifest()
    {
        int present = 0;
        foreach (JObject c in ChainCorpus.PresentCases)
        {
            present++;
            string actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(ChainCorpus.CasePath(c))));
            Assert.That(actual, Is.EqualTo((string)c["sha256"]!), (string)c["id"]!);
        }

        Assert.That(present, Is.EqualTo(84), "the repository holds 84 of the 98 case files");
    }

    [Test]
    public void CaseFolderHoldsOnlyListedFiles()
    {
        var listed = ChainCorpus.Cases.Select(c => Path.GetFileName((string)c["file"]!)).ToHashSet(StringComparer.Ordinal);
        string[] onDisk = Directory.GetFiles(TestVectors.PathOf("lucairn-chain", "v1", "cases")).Select(Path.GetFileName).ToArray()!;
        Assert.That(onDisk, Is.SubsetOf(listed));
        Assert.That(ChainCorpus.Cases.Count(), Is.EqualTo(98));
    }

    [Test]
    public void SourceJsonHashesMatch()
    {
        JObject source = ChainCorpus.Parse(TestVectors.ReadText("lucairn-chain", "SOURCE.json"));
        Assert.Multiple(() =>
        {
            Assert.That(Sha("manifest.json"), Is.EqualTo((string)source["manifest_sha256"]!));
            Assert.That(Sha("keys.json"), Is.EqualTo((string)source["keys_sha256"]!));
            Assert.That(Sha("key-policy.json"), Is.EqualTo((string)source["key_policy_sha256"]!));
        });

        static string Sha(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(TestVectors.PathOf("lucairn-chain", "v1", file))));
    }

    [Test]
    public void EveryResultIsInsideTheManifestVocabularies()
    {
        JObject m = ChainCorpus.Manifest;
        var vocabularies = new Dictionary<string, HashSet<string>>
        {
            ["verdict"] = Set("verdicts"),
            ["reason"] = Set("reasons"),
            ["egress_attestation"] = Set("egress_states"),
            ["user_unredacted"] = Set("user_unredacted"),
            ["signed_cert_tier"] = Set("signed_cert_tiers"),
            ["signable_version"] = Set("signable_versions"),
            ["request_binding"] = Set("request_bindings"),
        };
        foreach (JObject c in ChainCorpus.PresentCases)
        {
            foreach (string policy in Policies)
            {
                JObject actual = ChainCorpus.Parse(CertificateChainVerifier.Verify(ChainCorpus.Input(c), ChainCorpus.KeysFor(policy, c["inputs"] as JObject)).ToJson());
                foreach ((string field, HashSet<string> allowed) in vocabularies)
                {
                    Assert.That(allowed, Does.Contain((string)actual[field]!), $"{c["id"]} [{policy}] {field}");
                }
            }
        }

        HashSet<string> Set(string name) => m[name]!.Select(t => (string)t!).ToHashSet(StringComparer.Ordinal);
    }

    [Test]
    public void ManifestVocabulariesAreTheLibraryConstants()
    {
        JObject m = ChainCorpus.Manifest;
        Assert.Multiple(() =>
        {
            Assert.That(m["reasons"]!.Select(t => (string)t!), Is.EquivalentTo(ChainSteps.All.Select(s => s.Reason).Distinct()));
            Assert.That(m["verdicts"]!.Select(t => (string)t!), Is.EqualTo(new[] { ChainVerdicts.Failed, ChainVerdicts.Partial, ChainVerdicts.EgressUnattested, ChainVerdicts.Verified }));
            Assert.That((int)m["max_depth"]!, Is.EqualTo(StrictJsonReader.MaxDepth));
            Assert.That((int)m["max_input_bytes"]!, Is.EqualTo(ChainRun.MaxInputBytes));
            Assert.That((long)m["max_values_pointer_bytes"]!, Is.EqualTo(ChainRun.MaxValuesPointerBytes));
        });
    }

    [Test]
    public void StepTableHasTheThirtyRowsOfTheRecipe()
    {
        string[] ids = ["1", "2", "3", "4", "5a", "5b", "5c", "5d", "5e", "6a", "6b", "6c", "7a", "7b", "7c", "7d", "7e", "7f", "7g", "7h", "7i", "8a", "8b", "8c", "8d", "9a", "9b", "9c", "9d", "9e"];
        Assert.That(ChainSteps.All.Select(s => s.Id), Is.EqualTo(ids));
        Assert.That(ChainSteps.All.Take(25).All(s => s.Verdict == ChainVerdicts.Failed), Is.True);
    }

    [Test]
    public void RedProofWitnessOnlyAcceptsWhatTheChainFails()
    {
        JObject c = ChainCorpus.Cases.Single(x => (string)x["id"]! == "tamper_claim_body_edited_same_id");
        byte[] input = ChainCorpus.Input(c);
        var witnessKeys = new VerifyCertificateKeys(ChainCorpus.WitnessKeyId, ChainCorpus.WitnessKey);

        VerifyCertificateResult witnessOnly = CertificateVerifier.Verify(System.Text.Encoding.UTF8.GetString(input), witnessKeys);

        Assert.That(witnessOnly.OverallVerdict, Is.EqualTo(VeilVerdict.Verified));
        foreach (string policy in Policies)
        {
            CertificateChainResult chain = CertificateChainVerifier.Verify(input, ChainCorpus.KeysFor(policy));
            Assert.That((chain.Verdict, chain.Reason), Is.EqualTo((ChainVerdicts.Failed, ChainReasons.ClaimSignatureInvalid)), policy);
        }
    }

    [Test]
    public void ChangingAValueHandedOutChangesNothingVerified()
    {
        CertificateChainResult result = ChainCorpus.PresentCases
            .Select(c => CertificateChainVerifier.Verify(ChainCorpus.Input(c), ChainCorpus.KeysFor("default", c["inputs"] as JObject)))
            .First(r => r.Verified is { } v && v.Claims.Values.Any(claim => claim.Values.Count > 0));
        CertificateChainVerified verified = result.Verified!;
        string before = result.ToJson();
        string requestId = (string)verified.Certificate["request_id"]!;
        CertificateChainVerifiedClaim claim = verified.Claims.Values.First(c => c.Values.Count > 0);
        string pointer = claim.Values.Keys.First();
        JValue original = claim.Values[pointer];

        ((JValue)verified.Certificate["request_id"]).Value = "forged";
        claim.Values[pointer].Value = "forged";
        foreach (KeyValuePair<string, JToken> pair in verified.Certificate)
        {
            if (pair.Value is JValue value)
            {
                value.Value = "forged";
            }
        }

        verified.Certificate.TryGetValue("request_id", out JToken? again);
        Assert.That((string?)again, Is.EqualTo(requestId));
        Assert.That(claim.Values[pointer], Is.EqualTo(original));
        Assert.That(verified.Certificate.Values.OfType<JValue>().Select(v => v.Value), Has.None.EqualTo("forged"));
        Assert.That(result.ToJson(), Is.EqualTo(before));
    }

    [Test]
    public void EmptyArrayGivesTheFailedShape()
    {
        CertificateChainResult result = CertificateChainVerifier.Verify("[]", ChainCorpus.KeysFor("default"));
        Assert.That(result.ToJson(), Is.EqualTo("""{"verdict":"FAILED","reason":"malformed","egress_attestation":"not_evaluated","user_unredacted":"unknown","signed_cert_tier":"not_evaluated","signable_version":"none","request_binding":"not_evaluated","verified":null}"""));
    }
}
