using Org.BouncyCastle.Crypto;

namespace Shared.Crypto.Tests;

/// <summary>Copies of secrets the package makes itself are wiped before it returns.</summary>
public class SecretCopyTests
{
    [Test]
    public void Rsa_oaep_encrypt_wipes_the_array_it_hands_to_BouncyCastle()
    {
        byte[] aesKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(AesGcmCipher.KeySize);
        var publicKey = RsaFixture.Key.PublicKey;
        var recording = new RecordingEngine(RsaOaep.CreateEngine(forEncryption: true, publicKey.Parameters));

        byte[] wrapped = RsaOaep.Encrypt(recording, publicKey.KeySizeBits, aesKey);

        Assert.That(recording.Inputs, Has.Count.EqualTo(1));
        Assert.That(recording.Inputs[0], Is.All.EqualTo(0), "the copy of the AES key given to BouncyCastle is zeroed");
        Assert.That(RsaFixture.Key.Decrypt(wrapped), Is.EqualTo(aesKey), "and the wrapped key is still right");
    }

    [Test]
    public void Rsa_oaep_encrypt_wipes_its_copy_when_BouncyCastle_throws()
    {
        var recording = new RecordingEngine(RsaOaep.CreateEngine(forEncryption: true, RsaFixture.Key.PublicKey.Parameters)) { Fail = true };

        Assert.Throws<InvalidOperationException>(() => RsaOaep.Encrypt(recording, 4096, new byte[] { 1, 2, 3 }));
        Assert.That(recording.Inputs.Single(), Is.All.EqualTo(0));
    }

    /// <summary>Delegates to the real OAEP engine and keeps a reference to every input array.</summary>
    private sealed class RecordingEngine(IAsymmetricBlockCipher inner) : IAsymmetricBlockCipher
    {
        internal List<byte[]> Inputs { get; } = [];

        internal bool Fail { get; init; }

        public string AlgorithmName => inner.AlgorithmName;

        public void Init(bool forEncryption, ICipherParameters parameters) => inner.Init(forEncryption, parameters);

        public int GetInputBlockSize() => inner.GetInputBlockSize();

        public int GetOutputBlockSize() => inner.GetOutputBlockSize();

        public byte[] ProcessBlock(byte[] inBuf, int inOff, int inLen)
        {
            Inputs.Add(inBuf);
            return Fail ? throw new InvalidOperationException("simulated engine failure") : inner.ProcessBlock(inBuf, inOff, inLen);
        }
    }
}
