using BenchmarkDotNet.Attributes;
using Lucairn;
using Newtonsoft.Json.Linq;

namespace Benchmarks.Lucairn;

/// <summary>
/// Chain verification time against certificate size: <c>honest_full_chain_egress</c> padded to
/// 10 KB / 100 KB / 1 MB / 32 MB (decimal; the largest is under the 32 MiB cap) with an unsigned
/// top-level <c>padding</c> array of small objects. The chain recipe reads no such field, so the
/// certificate stays VERIFIED and every byte still goes through the strict parser (UTF-8,
/// depth, duplicate-key and case-variant checks); objects rather than one long string so the
/// parser builds nodes as it would for a large real certificate.
/// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*ChainVerifyScaling*' --job short
/// </summary>
[MemoryDiagnoser]
public class ChainVerifyScalingBenchmarks
{
    private byte[] _certificate = [];
    private CertificateChainKeys _keys = null!;

    [Params(10_000, 100_000, 1_000_000, 32_000_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _keys = ChainVectors.Keys();
        _certificate = Padded(ChainVectors.Certificate("honest_full_chain_egress"), Size);
        CertificateChainResult result = CertificateChainVerifier.Verify(_certificate, _keys);
        if (result.Verdict != ChainVerdicts.Verified || Math.Abs(_certificate.Length - Size) > Size / 100)
        {
            throw new InvalidOperationException($"setup: {_certificate.Length} bytes, {result}");
        }
    }

    [Benchmark(Description = "CertificateChainVerifier.Verify(padded certificate)")]
    public CertificateChainResult ChainVerify() => CertificateChainVerifier.Verify(_certificate, _keys);

    /// <summary>The certificate with an unsigned <c>padding</c> array bringing it to about <paramref name="size"/> bytes.</summary>
    internal static byte[] Padded(JObject certificate, int size)
    {
        int unpadded = ChainVectors.Bytes(certificate).Length;
        var entry = new JObject { ["note"] = "unsigned padding, not read by the chain recipe", ["n"] = 1234567 };
        int entryBytes = ChainVectors.Bytes(entry).Length + 1;
        var padding = new JArray();
        for (int i = 0; i < (size - unpadded - 14) / entryBytes; i++)
        {
            padding.Add(entry.DeepClone());
        }

        var padded = (JObject)certificate.DeepClone();
        padded["padding"] = padding;
        return ChainVectors.Bytes(padded);
    }
}
