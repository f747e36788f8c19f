using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TestSupport;

namespace Lucairn.Tests.Verification.Chain;

/// <summary>The parity corpus in tests/vectors/lucairn-chain: manifest, keys, case inputs.</summary>
internal static class ChainCorpus
{
    private static readonly Lazy<JObject> LazyManifest = new(() => Parse(TestVectors.ReadText("lucairn-chain", "v1", "manifest.json")));
    private static readonly Lazy<JObject> LazyKeys = new(() => Parse(TestVectors.ReadText("lucairn-chain", "v1", "keys.json")));

    internal static JObject Manifest => LazyManifest.Value;

    internal static JObject KeysFile => LazyKeys.Value;

    internal static IEnumerable<JObject> Cases => Manifest["cases"]!.Cast<JObject>();

    internal static IEnumerable<JObject> PresentCases => Cases.Where(c => File.Exists(CasePath(c)));

    internal static string CasePath(JObject manifestCase) =>
        TestVectors.PathOf(["lucairn-chain", "v1", .. ((string)manifestCase["file"]!).Split('/')]);

    internal static string WitnessKeyId => (string)KeysFile["witness"]!["key_id"]!;

    internal static string WitnessKey => (string)KeysFile["witness"]!["public_key_base64"]!;

    internal static Dictionary<string, string> ServiceKeys =>
        ((JObject)KeysFile["services"]!).Properties().ToDictionary(p => p.Name, p => (string)p.Value["public_key_base64"]!, StringComparer.Ordinal);

    /// <summary>The parity keys for a policy, with the case's request-binding inputs.</summary>
    internal static CertificateChainKeys KeysFor(string policy, JObject? inputs = null) => new()
    {
        WitnessKeyId = WitnessKeyId,
        WitnessPublicKey = WitnessKey,
        ServicePublicKeys = ServiceKeys,
        MinimumSignableVersion = policy == "minimum_v3" ? "v3" : null,
        ExpectedRequestId = (string?)inputs?["expected_request_id"],
        ExpectedCertificateId = (string?)inputs?["expected_certificate_id"],
        AllowTestKeys = true,
    };

    /// <summary>The verifier input: certificate_text verbatim, else the certificate re-serialized canonically with number lexemes kept.</summary>
    internal static byte[] Input(JObject manifestCase)
    {
        StrictJsonNode file = CaseFile(manifestCase);
        if (file.Get("certificate_text") is { IsString: true } text)
        {
            return Encoding.UTF8.GetBytes(text.Text!);
        }

        return CanonicalLexeme.Write(file.Get("certificate") ?? throw new InvalidOperationException("no certificate"));
    }

    /// <summary>The case file's expected results (they carry <c>verified</c>).</summary>
    internal static JObject Expected(JObject manifestCase) =>
        Parse(System.Text.Encoding.UTF8.GetString(CanonicalLexeme.Write(CaseFile(manifestCase).Get("expected")!)));

    /// <summary>
    /// The case file read with the strict grammar but a wider depth bound: the wrapper adds a level
    /// to the certificate, and the 256-level bound applies to the certificate itself (the
    /// nesting case holds exactly 256 nested arrays inside it).
    /// </summary>
    private static StrictJsonNode CaseFile(JObject manifestCase) =>
        StrictJsonReader.TryParse(File.ReadAllBytes(CasePath(manifestCase)), 4 * StrictJsonReader.MaxDepth, out string? problem)
            ?? throw new InvalidOperationException($"case file {manifestCase["id"]} does not parse: {problem}");

    internal static JObject Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 512 };
        return JObject.Load(reader);
    }
}
