using BenchmarkDotNet.Attributes;
using Lucairn;
using Newtonsoft.Json.Linq;
using Org.BouncyCastle.Crypto.Parameters;
using Shared.Crypto;

namespace Benchmarks.Lucairn;

/// <summary>
/// Chain verification of <c>honest_full_chain_egress</c> (two witness signatures + four claim
/// signatures) against the six raw BouncyCastle Ed25519 verifications of exactly the same
/// messages, keys and signatures: the ratio is the chain recipe's overhead (target ≤ 1.25×).
/// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*ChainVerifyBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class ChainVerifyBenchmarks
{
    private readonly List<(Ed25519PublicKeyParameters Key, byte[] Message, byte[] Signature)> _six = [];
    private byte[] _certificate = [];
    private CertificateChainKeys _keys = null!;

    [GlobalSetup]
    public void Setup()
    {
        JObject certificate = ChainVectors.Certificate("honest_full_chain_egress");
        _certificate = ChainVectors.Bytes(certificate);
        _keys = ChainVectors.Keys();
        CertificateChainResult result = CertificateChainVerifier.Verify(_certificate, _keys);
        if (result.Verdict != ChainVerdicts.Verified)
        {
            throw new InvalidOperationException("setup: the certificate does not verify: " + result);
        }

        // The two witness signables, rebuilt from the verified (signed) map.
        var witness = new Ed25519PublicKeyParameters(Convert.FromBase64String(_keys.WitnessPublicKey));
        var v3 = new JObject(result.Verified!.Certificate.Select(pair => new JProperty(pair.Key, pair.Value)));
        string[] v2Keys = ["certificate_id", "claim_ids", "issued_at", "overall_verdict", "protocol_version", "request_id", "witness_key_id"];
        var v2 = new JObject(v2Keys.Select(key => new JProperty(key, v3[key])));
        _six.Add((witness, CanonicalJson.Serialize(v2, LucairnCanonicalJson.Options), Convert.FromBase64String((string)certificate["witness_signature"]!)));
        _six.Add((witness, CanonicalJson.Serialize(v3, LucairnCanonicalJson.Options), Convert.FromBase64String((string)certificate["signable_v3_signature"]!)));

        // The four claims: the decoded canonical_payload under the claim's own service key.
        foreach (JToken claim in certificate["claims"]!)
        {
            var key = new Ed25519PublicKeyParameters(Convert.FromBase64String(_keys.ServicePublicKeys[(string)claim["service_id"]!]));
            _six.Add((key, Convert.FromBase64String((string)claim["canonical_payload"]!), Convert.FromBase64String((string)claim["signature"]!)));
        }

        if (_six.Count != 6 || !SixRawEd25519Verifications())
        {
            throw new InvalidOperationException("setup: the six raw verifications do not all pass");
        }
    }

    [Benchmark(Baseline = true, Description = "6 raw BouncyCastle Ed25519 verifications")]
    public bool SixRawEd25519Verifications()
    {
        bool all = true;
        foreach ((Ed25519PublicKeyParameters key, byte[] message, byte[] signature) in _six)
        {
            all &= key.Verify(Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Algorithm.Ed25519, null, message, signature);
        }

        return all;
    }

    [Benchmark(Description = "CertificateChainVerifier.Verify(honest_full_chain_egress)")]
    public CertificateChainResult ChainVerify() => CertificateChainVerifier.Verify(_certificate, _keys);
}
