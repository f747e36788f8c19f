using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Shared.Crypto.Tests;

/// <summary>
/// PEM reading and writing: the block types accepted (SPKI, PKCS#1, PKCS#8, encrypted PKCS#8),
/// a key of the wrong kind named in the error, the text-level failures, and what an encrypted
/// key is encrypted with.
/// </summary>
public class PemReadingTests
{
    [Test]
    public void A_pkcs1_rsa_public_key_block_is_read()
    {
        using var rsa = RSA.Create(2048);
        string pkcs1 = rsa.ExportRSAPublicKeyPem();
        Assert.That(pkcs1, Does.StartWith("-----BEGIN RSA PUBLIC KEY-----"));

        var key = RsaPublicKey.FromPem(pkcs1);

        Assert.That(key.KeySizeBits, Is.EqualTo(2048));
        Assert.That(key.ToPem(), Is.EqualTo(RsaPublicKey.FromPem(rsa.ExportSubjectPublicKeyInfoPem()).ToPem()));
    }

    [TestCase(3L, "less than 65537")]
    [TestCase(65538L, "even")]
    public void A_pkcs1_rsa_public_key_with_a_bad_exponent_is_a_key_error(long exponent, string reason)
    {
        var structure = new RsaPublicKeyStructure(RsaFixture.Key.PublicKey.Parameters.Modulus, Org.BouncyCastle.Math.BigInteger.ValueOf(exponent));
        string pem = Pem("RSA PUBLIC KEY", structure.GetDerEncoded());

        var ex = Assert.Throws<CryptoKeyException>(() => RsaPublicKey.FromPem(pem));
        Assert.That(ex!.Message, Does.Contain(reason));
    }

    [Test]
    public void A_pkcs1_rsa_private_key_block_is_read()
    {
        using var rsa = RSA.Create(2048);
        string pkcs1 = rsa.ExportRSAPrivateKeyPem();
        Assert.That(pkcs1, Does.StartWith("-----BEGIN RSA PRIVATE KEY-----"));

        var key = RsaPrivateKey.FromPem(pkcs1);

        Assert.That(key.KeySizeBits, Is.EqualTo(2048));
        byte[] ciphertext = rsa.Encrypt([1, 2, 3], RSAEncryptionPadding.OaepSHA256);
        Assert.That(key.Decrypt(ciphertext), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public void A_password_given_for_a_plain_private_key_is_ignored()
    {
        var key = RsaPrivateKey.FromPem(RsaFixture.Key.ToPem(), "unused");

        Assert.That(key.PublicKey.ToPem(), Is.EqualTo(RsaFixture.Key.PublicKey.ToPem()));
    }

    [Test]
    public void A_private_key_where_a_public_key_is_expected_is_named_in_the_error()
    {
        var ex = Assert.Throws<CryptoFormatException>(() => RsaPublicKey.FromPem(RsaFixture.Key.ToPem()));
        Assert.That(ex!.Message, Is.EqualTo("Expected a PEM 'PUBLIC KEY' block; found an RSA private key."));

        using var rsa = RSA.Create(2048);
        var pair = Assert.Throws<CryptoFormatException>(() => Ed25519PublicKey.FromPem(rsa.ExportRSAPrivateKeyPem()));
        Assert.That(pair!.Message, Is.EqualTo("Expected a PEM 'PUBLIC KEY' block; found a 'AsymmetricCipherKeyPair' object."));
    }

    [Test]
    public void A_public_key_where_a_private_key_is_expected_is_named_in_the_error()
    {
        var ex = Assert.Throws<CryptoFormatException>(() => RsaPrivateKey.FromPem(RsaFixture.Key.PublicKey.ToPem()));
        Assert.That(ex!.Message, Is.EqualTo("Expected a PEM private key block; found an RSA public key."));
    }

    [Test]
    public void A_non_rsa_private_key_is_named_in_the_error()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var ex = Assert.Throws<CryptoKeyException>(() => RsaPrivateKey.FromPem(ec.ExportPkcs8PrivateKeyPem()));
        Assert.That(ex!.Message, Is.EqualTo("The PEM private key is not an RSA key (it is an EC key)."));

        var ed = Assert.Throws<CryptoKeyException>(() => RsaPublicKey.FromPem(ec.ExportSubjectPublicKeyInfoPem()));
        Assert.That(ed!.Message, Is.EqualTo("The PEM public key is not an RSA key (it is an EC key)."));
    }

    [TestCase("", "the text is empty")]
    [TestCase("  \n\t", "the text is empty")]
    [TestCase("MCowBQYDK2VwAyEA", "has no '-----BEGIN' line")]
    [TestCase("-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n", "could not be parsed")]
    public void Text_that_is_not_a_usable_public_key_block_is_a_format_error(string text, string expected)
    {
        var ex = Assert.Throws<CryptoFormatException>(() => RsaPublicKey.FromPem(text));
        Assert.That(ex, Is.Not.InstanceOf<CryptoKeyException>());
        Assert.That(ex!.Message, Does.StartWith("Expected a PEM 'PUBLIC KEY' block").Or.StartWith("The PEM 'PUBLIC KEY' block"));
        Assert.That(ex.Message, Does.Contain(expected));
    }

    [Test]
    public void Text_that_is_not_a_usable_private_key_block_is_a_format_error()
    {
        Assert.That(Assert.Throws<CryptoFormatException>(() => RsaPrivateKey.FromPem(" "))!.Message,
            Is.EqualTo("Expected a PEM 'PRIVATE KEY' block; the text is empty."));
        Assert.That(Assert.Throws<CryptoFormatException>(() => RsaPrivateKey.FromPem("PRIVATE KEY"))!.Message,
            Is.EqualTo("Expected a PEM 'PRIVATE KEY' block; the text has no '-----BEGIN' line."));
        Assert.That(Assert.Throws<CryptoFormatException>(() => RsaPrivateKey.FromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))!.Message,
            Does.StartWith("The PEM 'PRIVATE KEY' block could not be parsed: "));
    }

    /// <summary>
    /// One changed character in the encrypted body garbles one AES-CBC block of the key. Where
    /// that block breaks the padding or the DER, decryption fails; where it lands inside a number,
    /// the DER still parses and the consistency check refuses the key. Either way: a key error,
    /// for every position (a fresh salt and IV each time made a single-position test flaky).
    /// </summary>
    [Test]
    public void A_corrupted_encrypted_key_is_a_key_error_even_with_a_password()
    {
        string pem = RsaFixture.Key.ToPem("pw");
        string[] lines = pem.Split('\n');
        for (int line = 3; line < lines.Length - 2; line += 4)
        {
            string[] corrupted = (string[])lines.Clone();
            char[] chars = corrupted[line].ToCharArray();
            chars[10] = chars[10] == 'A' ? 'B' : 'A';
            corrupted[line] = new string(chars);

            var ex = Assert.Throws<CryptoKeyException>(() => RsaPrivateKey.FromPem(string.Join('\n', corrupted), "pw"), $"line {line}");
            Assert.That(ex!.Message, Does.Contain("could not be decrypted").Or.Contain("is inconsistent"), $"line {line}");
        }
    }

    [TestCase("q", "its primes do not multiply to its modulus")]
    [TestCase("p", "its primes do not multiply to its modulus")]
    [TestCase("d", "its CRT exponents do not match its private exponent")]
    [TestCase("dP", "its CRT exponents do not match its private exponent")]
    [TestCase("dQ", "its CRT exponents do not match its private exponent")]
    [TestCase("e", "its private exponent is not the inverse of its public exponent")]
    [TestCase("qInv", "its CRT coefficient is not the inverse of q modulo p")]
    public void A_private_key_whose_crt_values_do_not_belong_together_is_a_key_error(string changed, string reason)
    {
        var k = (RsaPrivateCrtKeyParameters)PrivateKeyFactory.CreateKey(Convert.FromBase64String(Body(RsaFixture.Key.ToPem())));
        Org.BouncyCastle.Math.BigInteger Bump(Org.BouncyCastle.Math.BigInteger value, string name) =>
            name == changed ? value.Add(Org.BouncyCastle.Math.BigInteger.Two) : value;
        var structure = new RsaPrivateKeyStructure(
            k.Modulus, Bump(k.PublicExponent, "e"), Bump(k.Exponent, "d"),
            Bump(k.P, "p"), Bump(k.Q, "q"), Bump(k.DP, "dP"), Bump(k.DQ, "dQ"), Bump(k.QInv, "qInv"));
        string pem = Pem("RSA PRIVATE KEY", structure.GetDerEncoded());

        var ex = Assert.Throws<CryptoKeyException>(() => RsaPrivateKey.FromPem(pem));
        Assert.That(ex!.Message, Is.EqualTo($"The RSA private key is inconsistent: {reason}. The key file is corrupted or was altered."));
    }

    [Test]
    public void Encrypted_keys_use_pbes2_pbkdf2_sha256_aes256_cbc_with_a_fresh_salt()
    {
        string first = RsaFixture.Key.ToPem("pw");
        string second = RsaFixture.Key.ToPem("pw");
        Assert.That(first, Is.Not.EqualTo(second), "a fresh salt and IV each time");

        var (scheme, kdf) = ReadPbes2(first);
        Assert.That(scheme, Is.EqualTo(NistObjectIdentifiers.IdAes256Cbc));
        Assert.That(kdf.IterationCount.IntValue, Is.EqualTo(PemCodec.Pbkdf2Iterations));
        Assert.That(PemCodec.Pbkdf2Iterations, Is.EqualTo(210_000));
        Assert.That(kdf.Prf.Algorithm, Is.EqualTo(PkcsObjectIdentifiers.IdHmacWithSha256));
        Assert.That(kdf.GetSalt(), Has.Length.EqualTo(16));
        Assert.That(kdf.GetSalt(), Is.Not.EqualTo(new byte[16]));
        Assert.That(kdf.GetSalt(), Is.Not.EqualTo(ReadPbes2(second).Kdf.GetSalt()));
    }

    [Test]
    public void Written_pem_uses_newlines_only_and_one_block()
    {
        foreach (string pem in new[] { RsaFixture.Key.ToPem(), RsaFixture.Key.PublicKey.ToPem(), Ed25519PrivateKey.Generate().PublicKey.ToPem() })
        {
            Assert.That(pem, Does.Not.Contain("\r"));
            Assert.That(pem, Does.EndWith("-----\n"));
            Assert.That(pem.Split("-----BEGIN ").Length, Is.EqualTo(2));
        }
    }

    [Test]
    public void Describe_names_every_kind_of_key()
    {
        var rsaPublic = RsaFixture.Key.PublicKey.Parameters;
        var rsaPrivate = (RsaKeyParameters)PrivateKeyFactory.CreateKey(Convert.FromBase64String(Body(RsaFixture.Key.ToPem())));
        var edPrivate = new Ed25519PrivateKeyParameters(new SecureRandom());
        var xPrivate = new X25519PrivateKeyParameters(new SecureRandom());

        Assert.Multiple(() =>
        {
            Assert.That(PemCodec.Describe(null), Is.EqualTo("nothing"));
            Assert.That(PemCodec.Describe(rsaPublic), Is.EqualTo("an RSA public key"));
            Assert.That(PemCodec.Describe(rsaPrivate), Is.EqualTo("an RSA private key"));
            Assert.That(PemCodec.Describe(edPrivate.GeneratePublicKey()), Is.EqualTo("an Ed25519 public key"));
            Assert.That(PemCodec.Describe(edPrivate), Is.EqualTo("an Ed25519 private key"));
            Assert.That(PemCodec.Describe(xPrivate), Is.EqualTo("a private key of another algorithm"));
            Assert.That(PemCodec.Describe(xPrivate.GeneratePublicKey()), Is.EqualTo("a public key of another algorithm"));
            Assert.That(PemCodec.Describe("text"), Is.EqualTo("a 'String' object"));
        });
    }

    private static (DerObjectIdentifier Scheme, Pbkdf2Params Kdf) ReadPbes2(string pem)
    {
        var info = EncryptedPrivateKeyInfo.GetInstance(Convert.FromBase64String(Body(pem)));
        Assert.That(info.EncryptionAlgorithm.Algorithm, Is.EqualTo(PkcsObjectIdentifiers.IdPbeS2));
        var pbes2 = PbeS2Parameters.GetInstance(info.EncryptionAlgorithm.Parameters);
        return (pbes2.EncryptionScheme.Algorithm, Pbkdf2Params.GetInstance(pbes2.KeyDerivationFunc.Parameters));
    }

    private static string Body(string pem) =>
        string.Concat(pem.Split('\n').Where(line => line.Length > 0 && !line.StartsWith("-----", StringComparison.Ordinal)));

    private static string Pem(string label, byte[] der) =>
        $"-----BEGIN {label}-----\n{Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n", StringComparison.Ordinal)}\n-----END {label}-----\n";
}
