using Lucairn;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Benchmarks.Lucairn;

/// <summary>The lucairn-chain parity corpus (tests/vectors/lucairn-chain/v1) for the chain benchmarks.</summary>
internal static class ChainVectors
{
    private static readonly string Root = Path.Combine(LucairnVectors.Directory, "..", "lucairn-chain", "v1");

    /// <summary>A case's <c>certificate</c> as compact JSON (number lexemes kept: floats read as decimals).</summary>
    internal static JObject Certificate(string caseId) => (JObject)Parse(File.ReadAllText(Path.Combine(Root, "cases", caseId + ".json")))["certificate"]!;

    internal static byte[] Bytes(JToken certificate) => System.Text.Encoding.UTF8.GetBytes(certificate.ToString(Formatting.None));

    /// <summary>The corpus keys (public test keys, so <see cref="CertificateChainKeys.AllowTestKeys"/>), loaded once.</summary>
    internal static CertificateChainKeys Keys()
    {
        JObject file = Parse(File.ReadAllText(Path.Combine(Root, "keys.json")));
        var keys = new CertificateChainKeys
        {
            WitnessKeyId = (string)file["witness"]!["key_id"]!,
            WitnessPublicKey = (string)file["witness"]!["public_key_base64"]!,
            ServicePublicKeys = ((JObject)file["services"]!).Properties().ToDictionary(p => p.Name, p => (string)p.Value["public_key_base64"]!, StringComparer.Ordinal),
            AllowTestKeys = true,
        };
        keys.Validate();
        return keys;
    }

    internal static JObject Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 1024 };
        return JObject.Load(reader);
    }
}
