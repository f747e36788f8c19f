using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Shared.Crypto.Tests;

/// <summary>PEM public keys with a sound 4096-bit modulus and a chosen exponent, written straight as ASN.1.</summary>
internal static class WeakRsaKeys
{
    internal static string PublicPem(long exponent)
    {
        BigInteger modulus = RsaFixture.Key.PublicKey.Parameters.Modulus;
        var spki = new SubjectPublicKeyInfo(
            new AlgorithmIdentifier(PkcsObjectIdentifiers.RsaEncryption, DerNull.Instance),
            new RsaPublicKeyStructure(modulus, BigInteger.ValueOf(exponent)));
        string base64 = Convert.ToBase64String(spki.GetDerEncoded(), Base64FormattingOptions.InsertLineBreaks);
        return "-----BEGIN PUBLIC KEY-----\n" + base64.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n-----END PUBLIC KEY-----\n";
    }
}
