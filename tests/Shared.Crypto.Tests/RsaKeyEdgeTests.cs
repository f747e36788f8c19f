using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Shared.Crypto.Tests;

/// <summary>
/// Edges of the RSA key checks: a prime equal to one, one half of the CRT inverse relation
/// broken, the order of the size and consistency checks, a small exponent on a private key, the
/// OAEP size limit and a ciphertext out of range, and a garbled encrypted PEM block.
/// </summary>
public class RsaKeyEdgeTests
{
    private static RsaPrivateCrtKeyParameters Fixture =>
        (RsaPrivateCrtKeyParameters)PrivateKeyFactory.CreateKey(Convert.FromBase64String(Body(RsaFixture.Key.ToPem())));

    [TestCase(true)]
    [TestCase(false)]
    public void A_prime_equal_to_one_is_refused_even_though_the_product_is_the_modulus(bool pIsOne)
    {
        RsaPrivateCrtKeyParameters k = Fixture;
        BigInteger p = pIsOne ? BigInteger.One : k.Modulus;
        BigInteger q = pIsOne ? k.Modulus : BigInteger.One;
        string pem = Pkcs1(k.Modulus, k.PublicExponent, k.Exponent, p, q, k.DP, k.DQ, k.QInv);

        var ex = Assert.Throws<CryptoKeyException>(() => RsaPrivateKey.FromPem(pem));
        Assert.That(ex!.Message, Is.EqualTo("The RSA private key is inconsistent: its primes do not multiply to its modulus. The key file is corrupted or was altered."));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void A_private_exponent_that_inverts_e_modulo_only_one_of_the_primes_is_refused(bool breakP)
    {
        // d' = d + (q − 1) keeps d' mod (q − 1) = dQ but moves d' mod (p − 1): the CRT exponents
        // still match d', yet e·dP' ≢ 1 (mod p − 1). The same the other way round.
        RsaPrivateCrtKeyParameters k = Fixture;
        BigInteger p1 = k.P.Subtract(BigInteger.One), q1 = k.Q.Subtract(BigInteger.One);
        BigInteger d = k.Exponent.Add(breakP ? q1 : p1);
        string pem = Pkcs1(k.Modulus, k.PublicExponent, d, k.P, k.Q, d.Mod(p1), d.Mod(q1), k.QInv);

        var ex = Assert.Throws<CryptoKeyException>(() => RsaPrivateKey.FromPem(pem));
        Assert.That(ex!.Message, Is.EqualTo("The RSA private key is inconsistent: its private exponent is not the inverse of its public exponent. The key file is corrupted or was altered."));
    }

    [Test]
    public void A_small_key_is_refused_for_its_size_before_its_values_are_checked()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(1024);
        var k = (RsaPrivateCrtKeyParameters)PrivateKeyFactory.CreateKey(rsa.ExportPkcs8PrivateKey());
        string pem = Pkcs1(k.Modulus, k.PublicExponent, k.Exponent, k.P, k.Q, k.DP, k.DQ, k.QInv.Add(BigInteger.Two));

        var ex = Assert.Throws<CryptoKeyException>(() => RsaPrivateKey.FromPem(pem));
        Assert.That(ex!.Message, Is.EqualTo("RSA key of 1024 bits is too small; at least 2048 bits are required."));
    }

    [Test]
    public void A_consistent_private_key_with_a_small_public_exponent_is_refused()
    {
        RsaPrivateCrtKeyParameters k = Fixture;
        BigInteger p1 = k.P.Subtract(BigInteger.One), q1 = k.Q.Subtract(BigInteger.One);
        BigInteger e = BigInteger.Three;
        while (!e.Gcd(p1).Equals(BigInteger.One) || !e.Gcd(q1).Equals(BigInteger.One))
        {
            e = e.Add(BigInteger.Two);
        }

        BigInteger d = e.ModInverse(p1.Multiply(q1).Divide(p1.Gcd(q1)));
        string pem = Pkcs1(k.Modulus, e, d, k.P, k.Q, d.Mod(p1), d.Mod(q1), k.QInv);

        var ex = Assert.Throws<CryptoKeyException>(() => RsaPrivateKey.FromPem(pem));
        Assert.That(ex!.Message, Does.StartWith($"RSA public exponent {e} is less than 65537"));
    }

    [Test]
    public void Oaep_encrypts_exactly_up_to_its_limit()
    {
        // RSA-4096 with OAEP-SHA256: 512 − 2·32 − 2 = 446 bytes.
        byte[] largest = Enumerable.Range(0, 446).Select(i => (byte)i).ToArray();

        Assert.That(RsaFixture.Key.Decrypt(RsaFixture.Key.PublicKey.Encrypt(largest)), Is.EqualTo(largest));
        var ex = Assert.Throws<ArgumentException>(() => RsaFixture.Key.PublicKey.Encrypt(new byte[447]));
        Assert.That(ex!.Message, Does.StartWith("RSA-OAEP-SHA256 with a 4096-bit key can encrypt at most 446 bytes; got 447."));
    }

    [Test]
    public void A_ciphertext_larger_than_the_modulus_is_an_authentication_failure()
    {
        byte[] tooLarge = Enumerable.Repeat((byte)0xFF, 512).ToArray();

        var ex = Assert.Throws<CryptoAuthenticationException>(() => RsaFixture.Key.Decrypt(tooLarge));
        Assert.That(ex!.Message, Is.EqualTo("RSA-OAEP decryption failed: the ciphertext is out of range for this key."));
    }

    [Test]
    public void A_garbled_encrypted_block_with_a_password_is_a_key_error()
    {
        const string Pem = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n";

        var ex = Assert.Throws<CryptoKeyException>(() => RsaPrivateKey.FromPem(Pem, "pw"));
        Assert.That(ex!.Message, Is.EqualTo("The PEM private key could not be decrypted: the password is wrong or the file is corrupted."));
    }

    private static string Pkcs1(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q, BigInteger dP, BigInteger dQ, BigInteger qInv)
    {
        byte[] der = new RsaPrivateKeyStructure(n, e, d, p, q, dP, dQ, qInv).GetDerEncoded();
        return $"-----BEGIN RSA PRIVATE KEY-----\n{Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n", StringComparison.Ordinal)}\n-----END RSA PRIVATE KEY-----\n";
    }

    private static string Body(string pem) =>
        string.Concat(pem.Split('\n').Where(line => line.Length > 0 && !line.StartsWith("-----", StringComparison.Ordinal)));
}
