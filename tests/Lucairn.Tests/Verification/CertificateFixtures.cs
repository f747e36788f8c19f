using Lucairn;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shared.Crypto;
using TestSupport;

namespace Lucairn.Tests.Verification;

/// <summary>Reads the Lucairn vectors and builds mutated or re-signed certificates from them.</summary>
internal static class CertificateFixtures
{
    internal const string WitnessKeyId = "witness_v1";

    private static readonly Lazy<Ed25519PrivateKey> TestPrivate = new(() =>
    {
        JObject pair = JObject.Parse(TestVectors.ReadText("lucairn", "test-witness-keypair.json"));
        return Ed25519PrivateKey.FromBytes(Convert.FromBase64String((string)pair["privateKey"]!));
    });

    /// <summary>The test witness private key (signs every cert-*.json except the real one).</summary>
    internal static Ed25519PrivateKey TestPrivateKey => TestPrivate.Value;

    /// <summary>The test public key as the base64 text in the keypair file.</summary>
    internal static string TestPublicKeyBase64 => (string)JObject.Parse(TestVectors.ReadText("lucairn", "test-witness-keypair.json"))["publicKey"]!;

    internal static string ProductionPublicKeyHex => TestVectors.ReadText("lucairn", "production-witness-pubkey.hex").Trim();

    internal static VerifyCertificateKeys TestKeys => new(WitnessKeyId, TestPublicKeyBase64);

    internal static VerifyCertificateKeys ProductionKeys => new(WitnessKeyId, ProductionPublicKeyHex);

    internal static string Text(string file) => TestVectors.ReadText("lucairn", file);

    /// <summary>A vector certificate as a token tree (dates and decimals kept as text).</summary>
    internal static JObject Load(string file) => (JObject)CanonicalJson.Parse(Text(file), LucairnCanonicalJson.Options);

    internal static string Anchored => Text("cert-valid-anchored.json");

    internal static string RealV3 => Text("cert-real-v3-production.json");

    /// <summary>Applies <paramref name="mutate"/> to a copy of a vector certificate and returns the JSON text.</summary>
    internal static string Mutated(string file, Action<JObject> mutate)
    {
        JObject cert = Load(file);
        mutate(cert);
        return cert.ToString(Formatting.None);
    }

    /// <summary>Re-signs a certificate's v2 map (and its v3 map when it declares v3) with <paramref name="key"/>.</summary>
    internal static JObject Resign(JObject cert, Ed25519PrivateKey key)
    {
        string v2 = Convert.ToBase64String(key.Sign(Signables.BuildV2(cert)));
        cert["witness_signature"] = v2;
        if (cert["signable_v2_signature"] is not null)
        {
            cert["signable_v2_signature"] = v2;
        }

        if (cert["signable_protocol_version_emitted"]?.Type == JTokenType.Integer && (long)cert["signable_protocol_version_emitted"]! >= 3)
        {
            cert["signable_v3_signature"] = Convert.ToBase64String(key.Sign(Signables.BuildV3(cert)));
        }

        return cert;
    }

    internal static LucairnCertificateException Fails(string? json, VerifyCertificateKeys keys, SignableVersion? minimum = null) =>
        Assert.Throws<LucairnCertificateException>(() => CertificateVerifier.Verify(json, keys, minimum))!;
}
