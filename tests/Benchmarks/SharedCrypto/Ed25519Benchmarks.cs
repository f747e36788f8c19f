using BenchmarkDotNet.Attributes;
using Org.BouncyCastle.Crypto.Parameters;
using Shared.Crypto;

namespace Benchmarks.SharedCrypto;

/// <summary>Ed25519 verify of a 200-byte message: our wrapper against the raw BouncyCastle call.</summary>
[MemoryDiagnoser]
public class Ed25519Benchmarks
{
    private readonly byte[] _message = new byte[200];
    private byte[] _signature = [];
    private Ed25519PublicKey _key = null!;
    private Ed25519PublicKeyParameters _raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(42).NextBytes(_message);
        var signer = Ed25519PrivateKey.Generate();
        _signature = signer.Sign(_message);
        _key = signer.PublicKey;
        _raw = new Ed25519PublicKeyParameters(_key.ToArray());
    }

    [Benchmark(Baseline = true)]
    public bool RawBouncyCastleVerify() =>
        _raw.Verify(Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Algorithm.Ed25519, null, _message, _signature);

    [Benchmark]
    public bool Verify() => _key.Verify(_message, _signature);
}
