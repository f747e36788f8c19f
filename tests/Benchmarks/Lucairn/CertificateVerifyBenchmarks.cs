using BenchmarkDotNet.Attributes;
using Lucairn;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Benchmarks.Lucairn;

/// <summary>
/// Offline verification of the real v3 production certificate (16 KB), against the bare Ed25519
/// verify of the same signable bytes, which bounds it from below.
/// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*CertificateVerify*' --job short
/// </summary>
[MemoryDiagnoser]
public class CertificateVerifyBenchmarks
{
    private string _json = null!;
    private JObject _jobject = null!;
    private VeilCertificate _parsed = null!;
    private VerifyCertificateKeys _keys = null!;
    private byte[] _v3Signable = null!;
    private byte[] _v3Signature = null!;

    [GlobalSetup]
    public void Setup()
    {
        string vectors = LucairnVectors.Directory;
        _json = File.ReadAllText(Path.Combine(vectors, "cert-real-v3-production.json"));
        _jobject = (JObject)CanonicalJson.Parse(_json, LucairnCanonicalJson.Options);
        _parsed = VeilCertificate.Parse(_json);
        _keys = new VerifyCertificateKeys("witness_v1", File.ReadAllText(Path.Combine(vectors, "production-witness-pubkey.hex")).Trim());
        _v3Signable = Convert.FromHexString(File.ReadAllText(Path.Combine(vectors, "real-v3-signable-go-reference.hex")).Trim());
        _v3Signature = Convert.FromBase64String(_parsed.SignableV3Signature!);
        _ = CertificateVerifier.Verify(_json, _keys);
    }

    [Benchmark(Baseline = true, Description = "Ed25519 verify only (BouncyCastle)")]
    public bool Ed25519VerifyOnly() => _keys.WitnessPublicKey.Verify(_v3Signable, _v3Signature);

    [Benchmark(Description = "Verify(raw JSON text)")]
    public VerifyCertificateResult VerifyFromText() => CertificateVerifier.Verify(_json, _keys);

    [Benchmark(Description = "Verify(JObject)")]
    public VerifyCertificateResult VerifyFromJObject() => CertificateVerifier.Verify(_jobject, _keys);

    [Benchmark(Description = "Verify(VeilCertificate)")]
    public VerifyCertificateResult VerifyFromParsed() => CertificateVerifier.Verify(_parsed, _keys);
}
