using BenchmarkDotNet.Attributes;
using Shared.Crypto;

namespace Benchmarks.SharedCrypto;

/// <summary>RSA-4096 OAEP-SHA256 decrypt of a 32-byte key (BouncyCastle, CRT private key).</summary>
public class RsaBenchmarks
{
    private RsaPrivateKey _key = null!;
    private byte[] _ciphertext = [];

    [GlobalSetup]
    public void Setup()
    {
        _key = RsaPrivateKey.Generate();
        _ciphertext = _key.PublicKey.Encrypt(new byte[32]);
    }

    [Benchmark]
    public byte[] Decrypt() => _key.Decrypt(_ciphertext);

    [Benchmark]
    public byte[] Encrypt() => _key.PublicKey.Encrypt(new byte[32]);
}
