using BenchmarkDotNet.Attributes;
using Newtonsoft.Json.Linq;
using Attesto;
using Lucairn;
using Shared.Crypto;

namespace Benchmarks.SharedCrypto;

/// <summary>
/// Canonical JSON writing (token tree already parsed) of a ~2 KB certificate-like object and a
/// ~1 MB object, in both profiles. Throughput = output bytes / median.
/// </summary>
[MemoryDiagnoser]
public class CanonicalJsonBenchmarks
{
    private JToken _small = null!;
    private JToken _large = null!;

    [GlobalSetup]
    public void Setup()
    {
        _small = CertificateLike(0);
        int perObject = CanonicalJson.Serialize(_small, LucairnCanonicalJson.Options).Length;
        var claims = new JArray();
        for (int i = 0; i < 1_000_000 / perObject; i++)
        {
            claims.Add(CertificateLike(i));
        }

        _large = new JObject { ["certificates"] = claims };
        Console.WriteLine($"small: {CanonicalJson.Serialize(_small, LucairnCanonicalJson.Options).Length} bytes, large: {CanonicalJson.Serialize(_large, LucairnCanonicalJson.Options).Length} bytes");
    }

    [Benchmark]
    public byte[] Small_Lucairn() => CanonicalJson.Serialize(_small, LucairnCanonicalJson.Options);

    [Benchmark]
    public byte[] Small_Attesto() => CanonicalJson.Serialize(_small, AttestoCanonicalJson.Options);

    [Benchmark]
    public byte[] Large_Lucairn() => CanonicalJson.Serialize(_large, LucairnCanonicalJson.Options);

    [Benchmark]
    public byte[] Large_Attesto() => CanonicalJson.Serialize(_large, AttestoCanonicalJson.Options);

    private static JObject CertificateLike(int seed)
    {
        var claims = new JArray();
        foreach (string kind in new[] { "bridge", "sanitizer", "ai", "audit" })
        {
            claims.Add(new JObject
            {
                ["claim_id"] = $"clm_{seed:D6}_{kind}",
                ["request_id"] = $"req_{seed:D16}",
                ["claim_type"] = "CLAIM_TYPE_" + kind.ToUpperInvariant(),
                ["issued_at"] = "2026-06-10T00:01:59.878143387Z",
                ["canonical_payload"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{{\"payload\":{{\"kind\":\"{kind}\",\"n\":{seed}}}}}")),
                ["note"] = "Zürich café — résumé <b>&</b> \u2028",
            });
        }

        return new JObject
        {
            ["certificate_id"] = $"veil_019eaed5-fc46-724d-ad80-{seed:D12}",
            ["request_id"] = $"req_{seed:D16}",
            ["protocol_version"] = 2,
            ["claims"] = claims,
            ["verification"] = new JObject { ["overall_verdict"] = "VERDICT_PARTIAL", ["completeness"] = "COMPLETENESS_PARTIAL", ["byok_exempt"] = false },
            ["witness_key_id"] = "witness_v1",
            ["issued_at"] = "2026-06-10T00:01:59.878143387Z",
        };
    }
}
