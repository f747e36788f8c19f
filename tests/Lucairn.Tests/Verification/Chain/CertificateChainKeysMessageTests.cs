using Newtonsoft.Json.Linq;
using TestSupport;

namespace Lucairn.Tests.Verification.Chain;

/// <summary>The exact refusals of <see cref="CertificateChainKeys"/> (message, parameter, code) and its load-once rule.</summary>
public class CertificateChainKeysMessageTests
{
    private const string GoodKey = "+9E9VmGRMIf8YPRAaMxuIW52ZghahI+7/Wx6YHRReuE=";

    private static string VectorKey(string id) =>
        (string)ChainCorpus.Parse(TestVectors.ReadText("lucairn-chain", "v1", "key-policy.json"))["vectors"]!
            .Cast<JObject>().Single(v => (string)v["id"]! == id)["public_key"]!;

    [Test]
    public void EmptyWitnessKeyIdIsNamed()
    {
        var error = Assert.Throws<LucairnValidationException>(new CertificateChainKeys { WitnessKeyId = "", WitnessPublicKey = GoodKey }.Validate)!;
        Assert.That((error.Message, error.ParamName), Is.EqualTo(("CertificateChainKeys.WitnessKeyId must be a non-empty string.", "CertificateChainKeys.WitnessKeyId")));
    }

    [TestCase(null, false)]
    [TestCase("", false)]
    [TestCase("v2", false)]
    [TestCase("v3", true)]
    public void MinimumVersionSpellings(string? minimum, bool minimumV3) =>
        Assert.That(new CertificateChainKeys { WitnessKeyId = "w", WitnessPublicKey = GoodKey, MinimumSignableVersion = minimum }.Load().MinimumV3, Is.EqualTo(minimumV3));

    [Test]
    public void UnknownMinimumVersionIsQuoted()
    {
        var error = Assert.Throws<LucairnValidationException>(new CertificateChainKeys { WitnessKeyId = "w", WitnessPublicKey = GoodKey, MinimumSignableVersion = "V3" }.Validate)!;
        Assert.That((error.Message, error.ParamName), Is.EqualTo(("CertificateChainKeys.MinimumSignableVersion must be null, \"v2\" or \"v3\"; got \"V3\".", "CertificateChainKeys.MinimumSignableVersion")));
    }

    [Test]
    public void NullServiceMapIsNamed()
    {
        var error = Assert.Throws<LucairnValidationException>(new CertificateChainKeys { WitnessKeyId = "w", WitnessPublicKey = GoodKey, ServicePublicKeys = null! }.Validate)!;
        Assert.That((error.Message, error.ParamName), Is.EqualTo(("CertificateChainKeys.ServicePublicKeys must not be null.", "CertificateChainKeys.ServicePublicKeys")));
    }

    [Test]
    public void EmptyServiceIdIsNamed()
    {
        var keys = new CertificateChainKeys { WitnessKeyId = "w", WitnessPublicKey = GoodKey, ServicePublicKeys = new Dictionary<string, string> { [""] = GoodKey } };
        var error = Assert.Throws<LucairnValidationException>(keys.Validate)!;
        Assert.That((error.Message, error.ParamName), Is.EqualTo(("CertificateChainKeys.ServicePublicKeys has an empty service id.", "CertificateChainKeys.ServicePublicKeys")));
    }

    [TestCase("malformed_hex", "key_malformed", "it must be exactly the padded standard base64 of 32 bytes (no whitespace, hex, URL-safe alphabet or stray bits).")]
    [TestCase("small_order_00_00000000", "key_small_order", "it is a small-order point, which any signature could match.")]
    [TestCase("invalid_point_off_curve", "key_invalid_point", "it is not the canonical encoding of an Ed25519 curve point.")]
    [TestCase("test_key_dsa-ai", "key_test_key", "it is a public parity-corpus test key whose private key is public; set AllowTestKeys only in a test harness.")]
    public void RefusedServiceKeyMessage(string vector, string code, string description)
    {
        var keys = new CertificateChainKeys { WitnessKeyId = "w", WitnessPublicKey = GoodKey, ServicePublicKeys = new Dictionary<string, string> { ["svc"] = VectorKey(vector) } };
        var error = Assert.Throws<LucairnPinnedKeyException>(keys.Validate)!;
        Assert.That(
            (error.Message, error.ParamName, error.Code),
            Is.EqualTo(($"CertificateChainKeys.ServicePublicKeys: the pinned key 'svc' is refused ({code}): {description}", "CertificateChainKeys.ServicePublicKeys", code)));
    }

    [Test]
    public void RefusedWitnessKeyMessage()
    {
        var error = Assert.Throws<LucairnPinnedKeyException>(new CertificateChainKeys { WitnessKeyId = "w", WitnessPublicKey = "AAAA" }.Validate)!;
        Assert.That(
            (error.Message, error.ParamName),
            Is.EqualTo(("CertificateChainKeys.WitnessPublicKey: the pinned key 'witness' is refused (key_malformed): it must be exactly the padded standard base64 of 32 bytes (no whitespace, hex, URL-safe alphabet or stray bits).", "CertificateChainKeys.WitnessPublicKey")));
    }

    [Test]
    public void KeysAreCheckedOnceAndThenReused()
    {
        var services = new Dictionary<string, string>(StringComparer.Ordinal) { ["svc"] = GoodKey };
        var keys = new CertificateChainKeys { WitnessKeyId = "w", WitnessPublicKey = GoodKey, ServicePublicKeys = services };
        LoadedChainKeys first = keys.Load();
        services["late"] = "not a key";
        Assert.Multiple(() =>
        {
            Assert.DoesNotThrow(keys.Validate);
            Assert.That(keys.Load(), Is.SameAs(first));
            Assert.That(first.Services.Keys, Is.EqualTo(new[] { "svc" }));
        });
    }
}
