using System.Numerics;
using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc8032;
using Shared.Crypto;

namespace Shared.Crypto.Tests.Signatures;

/// <summary>
/// What BouncyCastle's Ed25519 verify enforces, and what <see cref="Ed25519PublicKey.VerifyStrict"/> adds.
/// A signer who knows the private key can sign with R = the identity point (small order): S = k·a mod L.
/// </summary>
public class Ed25519StrictTests
{
    private static readonly BigInteger L = (BigInteger.One << 252) + BigInteger.Parse("27742317777372353535851937790883648493");

    [Test]
    public void BouncyCastleAcceptsASmallOrderRButStrictVerifyRefusesIt()
    {
        byte[] seed = SHA256.HashData("strict-test"u8);
        var key = Ed25519PrivateKey.FromBytes(seed);
        byte[] publicKey = key.PublicKey.ToArray();
        byte[] message = "hello"u8.ToArray();

        byte[] h = SHA512.HashData(seed);
        h[0] &= 248;
        h[31] &= 127;
        h[31] |= 64;
        var a = new BigInteger(h.AsSpan(0, 32), isUnsigned: true);
        byte[] r = new byte[32];
        r[0] = 1; // the identity point (0, 1)
        var k = new BigInteger(SHA512.HashData([.. r, .. publicKey, .. message]), isUnsigned: true) % L;
        byte[] s = (k * a % L).ToByteArray(isUnsigned: true);
        byte[] signature = new byte[64];
        r.CopyTo(signature, 0);
        s.CopyTo(signature, 32);

        Assert.Multiple(() =>
        {
            Assert.That(Ed25519.Verify(signature, 0, publicKey, 0, message, 0, message.Length), Is.True, "BouncyCastle accepts a small-order R");
            Assert.That(key.PublicKey.Verify(message, signature), Is.True);
            Assert.That(key.PublicKey.VerifyStrict(message, signature), Is.False);
        });
    }

    [Test]
    public void NonCanonicalSIsRefusedByBothAndHonestSignaturesPass()
    {
        var key = Ed25519PrivateKey.FromBytes(SHA256.HashData("strict-test-2"u8));
        byte[] message = "m"u8.ToArray();
        byte[] signature = key.Sign(message);
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true) + L;
        byte[] forged = (byte[])signature.Clone();
        s.ToByteArray(isUnsigned: true).CopyTo(forged, 32);

        Assert.Multiple(() =>
        {
            Assert.That(key.PublicKey.VerifyStrict(message, signature), Is.True);
            Assert.That(key.PublicKey.Verify(message, forged), Is.False, "BouncyCastle refuses S >= L");
            Assert.That(key.PublicKey.VerifyStrict(message, forged), Is.False);
            Assert.That(key.PublicKey.VerifyStrict(message, signature.AsSpan(0, 63)), Is.False);
        });
    }

    [Test]
    public void KeyPolicyRefusesAllFourteenSmallOrderEncodings()
    {
        string[] y =
        [
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0100000000000000000000000000000000000000000000000000000000000000",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        ];
        foreach (string hex in y)
        {
            byte[] plain = Convert.FromHexString(hex);
            byte[] signed = (byte[])plain.Clone();
            signed[31] |= 0x80;
            Assert.That(Ed25519KeyPolicy.Check(plain), Is.EqualTo(Ed25519KeyPolicyResult.SmallOrder), hex);
            Assert.That(Ed25519KeyPolicy.Check(signed), Is.EqualTo(Ed25519KeyPolicyResult.SmallOrder), hex + " with sign bit");
        }
    }
}
