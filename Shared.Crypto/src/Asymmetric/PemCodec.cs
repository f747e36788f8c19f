using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Shared.Crypto;

/// <summary>PEM reading and writing over BouncyCastle, with every failure mapped to our exceptions.</summary>
internal static class PemCodec
{
    /// <summary>PBKDF2-HMAC-SHA256 iteration count for password-encrypted private keys.</summary>
    internal const int Pbkdf2Iterations = 210_000;

    internal static AsymmetricKeyParameter ReadPublicKey(string pem)
    {
        CheckRsaExponentBeforeParsing(pem);
        var obj = ReadSingle(pem, "PUBLIC KEY", password: null);
        return obj switch
        {
            AsymmetricKeyParameter { IsPrivate: false } key => key,
            SubjectPublicKeyInfo info => PublicKeyFactory.CreateKey(info),
            _ => throw new CryptoFormatException($"Expected a PEM 'PUBLIC KEY' block; found {Describe(obj)}."),
        };
    }

    internal static AsymmetricKeyParameter ReadPrivateKey(string pem, string? password)
    {
        var obj = ReadSingle(pem, "PRIVATE KEY", password);
        return obj switch
        {
            AsymmetricCipherKeyPair pair => pair.Private,
            AsymmetricKeyParameter { IsPrivate: true } key => key,
            _ => throw new CryptoFormatException($"Expected a PEM private key block; found {Describe(obj)}."),
        };
    }

    internal static string WritePublicKey(AsymmetricKeyParameter key)
    {
        var info = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key);
        return ToPem("PUBLIC KEY", info.GetDerEncoded());
    }

    internal static string WritePrivateKey(AsymmetricKeyParameter key, string? password)
    {
        if (password is null)
        {
            var info = PrivateKeyInfoFactory.CreatePrivateKeyInfo(key);
            return ToPem("PRIVATE KEY", info.GetDerEncoded());
        }

        if (password.Length == 0)
        {
            throw new ArgumentException("The password must not be empty; pass null to write an unencrypted key.", nameof(password));
        }

        // PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC: what OpenSSL and Python's
        // BestAvailableEncryption write, and readable by both.
        var encrypted = PrivateKeyInfoFactory.CreatePrivateKeyInfo(key);
        var salt = new byte[16];
        var random = new SecureRandom();
        random.NextBytes(salt);
        var epki = EncryptedPrivateKeyInfoFactory.CreateEncryptedPrivateKeyInfo(
            NistObjectIdentifiers.IdAes256Cbc,
            PkcsObjectIdentifiers.IdHmacWithSha256,
            password.ToCharArray(),
            salt,
            Pbkdf2Iterations,
            random,
            encrypted);
        return ToPem("ENCRYPTED PRIVATE KEY", epki.GetEncoded());
    }

    internal static string Describe(object? obj) => obj switch
    {
        null => "nothing",
        RsaKeyParameters rsa => $"an RSA {(rsa.IsPrivate ? "private" : "public")} key",
        Ed25519PublicKeyParameters => "an Ed25519 public key",
        Ed25519PrivateKeyParameters => "an Ed25519 private key",
        ECKeyParameters => "an EC key",
        AsymmetricKeyParameter k => $"a {(k.IsPrivate ? "private" : "public")} key of another algorithm",
        _ => $"a '{obj.GetType().Name}' object",
    };

    /// <summary>
    /// BouncyCastle's key parser throws a bare ArgumentException for an even RSA exponent (and
    /// accepts a small odd one): read the exponent from the ASN.1 first, so both are a
    /// <see cref="CryptoKeyException"/> naming the reason. Anything unreadable is left to the full parse.
    /// </summary>
    private static void CheckRsaExponentBeforeParsing(string pem)
    {
        RsaPublicKeyStructure? rsa = null;
        try
        {
            using var reader = new StringReader(pem);
            var block = new Org.BouncyCastle.Utilities.IO.Pem.PemReader(reader).ReadPemObject();
            if (block?.Type == "PUBLIC KEY")
            {
                var info = SubjectPublicKeyInfo.GetInstance(block.Content);
                if (PkcsObjectIdentifiers.RsaEncryption.Equals(info.Algorithm.Algorithm))
                {
                    rsa = RsaPublicKeyStructure.GetInstance(info.ParsePublicKey());
                }
            }
            else if (block?.Type == "RSA PUBLIC KEY")
            {
                rsa = RsaPublicKeyStructure.GetInstance(block.Content);
            }
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or Org.BouncyCastle.Asn1.Asn1Exception or InvalidCastException or PemException)
        {
            return; // not readable here; the full parse reports it as a format error
        }

        if (rsa is not null)
        {
            RsaOaep.CheckPublicExponent(rsa.PublicExponent);
        }
    }

    private static object ReadSingle(string pem, string expected, string? password)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            throw new CryptoFormatException($"Expected a PEM '{expected}' block; the text is empty.");
        }

        if (!pem.Contains("-----BEGIN ", StringComparison.Ordinal))
        {
            throw new CryptoFormatException($"Expected a PEM '{expected}' block; the text has no '-----BEGIN' line.");
        }

        bool encrypted = pem.Contains("ENCRYPTED", StringComparison.Ordinal);
        if (encrypted && password is null)
        {
            throw new CryptoKeyException("The PEM private key is encrypted; a password is required.");
        }

        try
        {
            using var reader = new StringReader(pem);
            var pemReader = new PemReader(reader, password is null ? null : new PasswordFinder(password));
            return pemReader.ReadObject()
                ?? throw new CryptoFormatException($"Expected a PEM '{expected}' block; none was found.");
        }
        catch (CryptoException)
        {
            throw;
        }
        catch (Exception ex) when (encrypted && ex is InvalidCipherTextException or PemException or ArgumentException or IOException)
        {
            throw new CryptoKeyException("The PEM private key could not be decrypted: the password is wrong or the file is corrupted.", ex);
        }
        catch (Exception ex) when (ex is PemException or IOException or ArgumentException or InvalidOperationException or Org.BouncyCastle.Asn1.Asn1Exception or InvalidCastException or SecurityUtilityException)
        {
            throw new CryptoFormatException($"The PEM '{expected}' block could not be parsed: {ex.Message}", ex);
        }
    }

    private static string ToPem(string label, byte[] der)
    {
        using var writer = new StringWriter();
        var pemWriter = new PemWriter(writer);
        pemWriter.WriteObject(new Org.BouncyCastle.Utilities.IO.Pem.PemObject(label, der));
        pemWriter.Writer.Flush();
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private sealed class PasswordFinder(string password) : IPasswordFinder
    {
        public char[] GetPassword() => password.ToCharArray();
    }
}
