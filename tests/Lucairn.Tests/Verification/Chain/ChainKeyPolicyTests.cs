using Newtonsoft.Json.Linq;
using TestSupport;

namespace Lucairn.Tests.Verification.Chain;

/// <summary>The 51 key-policy vectors (key-policy.json) and the load order of §2.</summary>
public class ChainKeyPolicyTests
{
    private static IEnumerable<TestCaseData> Vectors() =>
        ChainCorpus.Parse(TestVectors.ReadText("lucairn-chain", "v1", "key-policy.json"))["vectors"]!
            .Cast<JObject>()
            .Select(v => new TestCaseData((string)v["public_key"]!, (bool)v["allow_test_keys"]!, (string)v["expected"]!).SetName("KeyPolicy_" + (string)v["id"]!));

    [Test]
    public void ThereAreFiftyOneVectors() => Assert.That(Vectors().Count(), Is.EqualTo(51));

    [TestCaseSource(nameof(Vectors))]
    public void PinnedServiceKeyLoadsOrIsRefused(string publicKey, bool allowTestKeys, string expected)
    {
        var keys = new CertificateChainKeys
        {
            WitnessKeyId = "w",
            WitnessPublicKey = "+9E9VmGRMIf8YPRAaMxuIW52ZghahI+7/Wx6YHRReuE=",
            ServicePublicKeys = new Dictionary<string, string> { ["svc"] = publicKey },
            AllowTestKeys = allowTestKeys,
        };

        if (expected == "ok")
        {
            Assert.DoesNotThrow(keys.Validate);
            return;
        }

        LucairnPinnedKeyException error = Assert.Throws<LucairnPinnedKeyException>(keys.Validate)!;
        Assert.That((error.Code, error.Key), Is.EqualTo((expected, "svc")));
    }

    [Test]
    public void LoadOrderIsWitnessIdPolicyWitnessKeyThenSortedServices()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<LucairnValidationException>(new CertificateChainKeys { WitnessKeyId = "", WitnessPublicKey = "bad", MinimumSignableVersion = "v4" }.Validate);
            var policy = Assert.Throws<LucairnValidationException>(new CertificateChainKeys { WitnessKeyId = "w", WitnessPublicKey = "bad", MinimumSignableVersion = "v4" }.Validate)!;
            Assert.That(policy, Is.Not.InstanceOf<LucairnPinnedKeyException>());
            var witness = Assert.Throws<LucairnPinnedKeyException>(new CertificateChainKeys { WitnessKeyId = "w", WitnessPublicKey = "bad", ServicePublicKeys = new Dictionary<string, string> { ["a"] = "bad" } }.Validate)!;
            Assert.That(witness.Key, Is.EqualTo("witness"));
            var first = Assert.Throws<LucairnPinnedKeyException>(new CertificateChainKeys
            {
                WitnessKeyId = "w",
                WitnessPublicKey = "+9E9VmGRMIf8YPRAaMxuIW52ZghahI+7/Wx6YHRReuE=",
                ServicePublicKeys = new Dictionary<string, string> { ["zeta"] = "bad", ["alpha"] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" },
            }.Validate)!;
            Assert.That((first.Key, first.Code), Is.EqualTo(("alpha", LucairnPinnedKeyException.KeySmallOrder)));
            Assert.Throws<LucairnValidationException>(new CertificateChainKeys
            {
                WitnessKeyId = "w",
                WitnessPublicKey = "+9E9VmGRMIf8YPRAaMxuIW52ZghahI+7/Wx6YHRReuE=",
                ServicePublicKeys = new Dictionary<string, string> { [""] = "+9E9VmGRMIf8YPRAaMxuIW52ZghahI+7/Wx6YHRReuE=" },
            }.Validate);
        });
    }

    [Test]
    public void CorpusKeysAreRefusedWithoutAllowTestKeys()
    {
        var keys = new CertificateChainKeys { WitnessKeyId = ChainCorpus.WitnessKeyId, WitnessPublicKey = ChainCorpus.WitnessKey };
        LucairnPinnedKeyException error = Assert.Throws<LucairnPinnedKeyException>(() => CertificateChainVerifier.Verify("{}", keys))!;
        Assert.That((error.Code, error.Key), Is.EqualTo((LucairnPinnedKeyException.KeyTestKey, "witness")));
    }
}
