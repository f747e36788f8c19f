using Fuzz.Harness;
using Lucairn;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Fuzz.Targets;

/// <summary>
/// Raw certificate bytes through <see cref="CertificateChainVerifier.Verify(byte[], CertificateChainKeys)"/>
/// under the parity corpus's keys, with both policies (default and minimum v3). A bad certificate
/// is a FAILED result, never an exception, so no exception is documented. Checked: the verdict is
/// in the upstream vocabulary, FAILED carries no verified values and a reason other than <c>ok</c>,
/// <c>ToJson</c> writes valid JSON that starts with the verdict.
/// </summary>
public sealed class LucairnCertificateChainTarget : FuzzTarget
{
    private static readonly string[] Verdicts = [ChainVerdicts.Failed, ChainVerdicts.Partial, ChainVerdicts.EgressUnattested, ChainVerdicts.Verified];

    private readonly CertificateChainKeys _default;
    private readonly CertificateChainKeys _minimumV3;

    /// <summary>Loads the corpus keys once (they are test keys, so <see cref="CertificateChainKeys.AllowTestKeys"/> is on).</summary>
    public LucairnCertificateChainTarget()
    {
        JToken keys = new Seeds().Json("lucairn-chain", "v1", "keys.json");
        var services = ((JObject)keys["services"]!).Properties().ToDictionary(p => p.Name, p => (string)p.Value["public_key_base64"]!, StringComparer.Ordinal);
        _default = new CertificateChainKeys
        {
            WitnessKeyId = (string)keys["witness"]!["key_id"]!,
            WitnessPublicKey = (string)keys["witness"]!["public_key_base64"]!,
            ServicePublicKeys = services,
            AllowTestKeys = true,
        };
        _minimumV3 = new CertificateChainKeys
        {
            WitnessKeyId = _default.WitnessKeyId,
            WitnessPublicKey = _default.WitnessPublicKey,
            ServicePublicKeys = services,
            MinimumSignableVersion = "v3",
            AllowTestKeys = true,
        };
        _default.Validate();
        _minimumV3.Validate();
    }

    /// <inheritdoc />
    public override string Name => "lucairn-chain";

    /// <inheritdoc />
    public override string Description => "certificate bytes -> CertificateChainVerifier.Verify (corpus keys, default and minimum_v3 policies)";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = [];

    /// <inheritdoc />
    public override IEnumerable<FuzzInput> SeedInputs(Seeds seeds) => seeds.LucairnChainCertificates().Concat(seeds.LucairnCertificates());

    /// <inheritdoc />
    protected override void Execute(ReadOnlySpan<byte> input)
    {
        Check(CertificateChainVerifier.Verify(input, _default));
        Check(CertificateChainVerifier.Verify(input, _minimumV3));
    }

    private static void Check(CertificateChainResult result)
    {
        FuzzPropertyException.Check(Verdicts.Contains(result.Verdict), $"verdict '{result.Verdict}' is outside the vocabulary");
        bool failed = result.Verdict == ChainVerdicts.Failed;
        FuzzPropertyException.Check(!failed || (result.Verified is null && result.Reason != "ok"), "a FAILED result carries verified values or reason ok");
        string json = result.ToJson();
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        FuzzPropertyException.Check(JToken.ReadFrom(reader) is JObject { First: JProperty { Name: "verdict" } }, "ToJson does not start with the verdict");
    }
}
