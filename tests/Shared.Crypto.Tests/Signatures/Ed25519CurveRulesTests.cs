using System.Numerics;

namespace Shared.Crypto.Tests.Signatures;

/// <summary>
/// The byte-level curve rules behind the strict verifier and the key policy, at their exact
/// boundaries (p − 1 / p for y, L − 1 / L for S) and against BouncyCastle's own point decoder.
/// </summary>
public class Ed25519CurveRulesTests
{
    private static readonly BigInteger P = (BigInteger.One << 255) - 19;
    private static readonly BigInteger L = (BigInteger.One << 252) + BigInteger.Parse("27742317777372353535851937790883648493", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void The_curve_constants_are_the_rfc8032_values()
    {
        Assert.That(Ed25519Curve.P, Is.EqualTo(P));
        Assert.That(Ed25519Curve.L, Is.EqualTo(L));
    }

    [Test]
    public void Y_is_canonical_exactly_below_p()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Ed25519Curve.IsCanonicalY(Le(P - 1)), Is.True, "p - 1");
            Assert.That(Ed25519Curve.IsCanonicalY(Le(P)), Is.False, "p");
            Assert.That(Ed25519Curve.IsCanonicalY(Le(P + 1)), Is.False, "p + 1");
            Assert.That(Ed25519Curve.IsCanonicalY(Le((BigInteger.One << 255) - 1)), Is.False, "2^255 - 1");
            Assert.That(Ed25519Curve.IsCanonicalY(WithSign(Le(P))), Is.False, "p with the sign bit");
            Assert.That(Ed25519Curve.IsCanonicalY(WithSign(Le(P - 1))), Is.True, "p - 1 with the sign bit");
            Assert.That(Ed25519Curve.IsCanonicalY(Le(BigInteger.Zero)), Is.True, "0");
            Assert.That(Ed25519Curve.IsCanonicalY(Le(P - (BigInteger.One << 8))), Is.True, "byte 1 below 0xff");
            Assert.That(Ed25519Curve.IsCanonicalY(Le(P - (BigInteger.One << 240))), Is.True, "byte 30 below 0xff");
            Assert.That(Ed25519Curve.IsCanonicalY(Le(P - (BigInteger.One << 248))), Is.True, "byte 31 below 0x7f");
        });
    }

    [Test]
    public void A_scalar_is_canonical_exactly_below_the_group_order()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Ed25519Curve.IsCanonicalScalar(Le(BigInteger.Zero)), Is.True, "0");
            Assert.That(Ed25519Curve.IsCanonicalScalar(Le(L - 1)), Is.True, "L - 1");
            Assert.That(Ed25519Curve.IsCanonicalScalar(Le(L)), Is.False, "L");
            Assert.That(Ed25519Curve.IsCanonicalScalar(Le(L + 1)), Is.False, "L + 1");
            Assert.That(Ed25519Curve.IsCanonicalScalar(Le(L + (BigInteger.One << 200))), Is.False, "L plus a middle bit");
            Assert.That(Ed25519Curve.IsCanonicalScalar(Le(L - (BigInteger.One << 200))), Is.True, "L minus a middle bit");
            Assert.That(Ed25519Curve.IsCanonicalScalar(Le((BigInteger.One << 256) - 1)), Is.False, "all ones");
        });
    }

    [Test]
    public void The_point_check_agrees_with_bouncy_castle_on_many_y_values()
    {
        int valid = 0;
        for (int k = 0; k < 160; k++)
        {
            byte[] y = Le((BigInteger.Parse("1234567890123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture) * (k + 1)) % P);
            foreach (bool sign in new[] { false, true })
            {
                byte[] encoding = sign ? WithSign(y) : y;
                bool bouncyCastleAccepts = Decodes(encoding);
                Assert.That(Ed25519Curve.IsCanonicalPoint(encoding), Is.EqualTo(bouncyCastleAccepts), $"k={k} sign={sign}");
                valid += bouncyCastleAccepts ? 1 : 0;
            }
        }

        Assert.That(valid, Is.InRange(80, 240), "both outcomes occur");
    }

    [Test]
    public void A_point_with_x_zero_is_canonical_only_without_the_sign_bit()
    {
        byte[] one = Le(BigInteger.One);
        byte[] minusOne = Le(P - 1);

        Assert.That(Ed25519Curve.IsCanonicalPoint(one), Is.True);
        Assert.That(Ed25519Curve.IsCanonicalPoint(WithSign(one)), Is.False);
        Assert.That(Ed25519Curve.IsCanonicalPoint(minusOne), Is.True);
        Assert.That(Ed25519Curve.IsCanonicalPoint(WithSign(minusOne)), Is.False);
        Assert.That(Ed25519Curve.IsCanonicalPoint(Le(P)), Is.False, "non-canonical y");
    }

    [Test]
    public void Small_order_detection_ignores_the_sign_bit_and_nothing_else()
    {
        byte[] identity = Le(BigInteger.One);
        byte[] notSmall = Le(new BigInteger(2));
        byte[] nearIdentity = Le(BigInteger.One + (BigInteger.One << 128));

        Assert.That(Ed25519Curve.IsSmallOrder(identity), Is.True);
        Assert.That(Ed25519Curve.IsSmallOrder(WithSign(identity)), Is.True);
        Assert.That(Ed25519Curve.IsSmallOrder(notSmall), Is.False);
        Assert.That(Ed25519Curve.IsSmallOrder(nearIdentity), Is.False);
        Assert.That(Ed25519Curve.IsSmallOrder(Ed25519PrivateKey.Generate().PublicKey.ToArray()), Is.False);
    }

    [Test]
    public void Key_policy_from_text_reports_each_outcome_and_hands_out_only_good_keys()
    {
        var good = Ed25519PrivateKey.Generate().PublicKey;

        Assert.That(Ed25519KeyPolicy.Check(good.ToBase64(), out byte[]? key), Is.EqualTo(Ed25519KeyPolicyResult.Ok));
        Assert.That(key, Is.EqualTo(good.ToArray()));

        Assert.That(Ed25519KeyPolicy.Check((string?)null, out key), Is.EqualTo(Ed25519KeyPolicyResult.Malformed));
        Assert.That(key, Is.Null);
        Assert.That(Ed25519KeyPolicy.Check(Convert.ToBase64String(new byte[31]), out key), Is.EqualTo(Ed25519KeyPolicyResult.Malformed));
        Assert.That(key, Is.Null);
        Assert.That(Ed25519KeyPolicy.Check(Convert.ToBase64String(new byte[33]), out key), Is.EqualTo(Ed25519KeyPolicyResult.Malformed));
        Assert.That(Ed25519KeyPolicy.Check(good.ToHex(), out key), Is.EqualTo(Ed25519KeyPolicyResult.Malformed));
        Assert.That(key, Is.Null);

        Assert.That(Ed25519KeyPolicy.Check(Convert.ToBase64String(Le(BigInteger.One)), out key), Is.EqualTo(Ed25519KeyPolicyResult.SmallOrder));
        Assert.That(key, Is.Null);
        Assert.That(Ed25519KeyPolicy.Check(Convert.ToBase64String(WithSign(Le(BigInteger.One))), out key), Is.EqualTo(Ed25519KeyPolicyResult.SmallOrder), "the sign bit does not hide a small-order point");
        Assert.That(key, Is.Null);
        Assert.That(Ed25519KeyPolicy.Check(Convert.ToBase64String(Le(new BigInteger(2))), out key), Is.EqualTo(Ed25519KeyPolicyResult.InvalidPoint), "no x for y = 2");
        Assert.That(key, Is.Null);
        Assert.That(Ed25519KeyPolicy.Check(Convert.ToBase64String(Le(P + 2)), out key), Is.EqualTo(Ed25519KeyPolicyResult.InvalidPoint));
        Assert.That(key, Is.Null);
    }

    [Test]
    public void Key_policy_from_bytes_refuses_other_lengths()
    {
        Assert.That(Ed25519KeyPolicy.Check(new byte[31]), Is.EqualTo(Ed25519KeyPolicyResult.Malformed));
        Assert.That(Ed25519KeyPolicy.Check(new byte[33]), Is.EqualTo(Ed25519KeyPolicyResult.Malformed));
        Assert.That(Ed25519KeyPolicy.Check(Ed25519PrivateKey.Generate().PublicKey.ToArray()), Is.EqualTo(Ed25519KeyPolicyResult.Ok));
    }

    private static bool Decodes(byte[] encoding)
    {
        try
        {
            _ = Ed25519PublicKey.FromRaw(encoding);
            return true;
        }
        catch (CryptoFormatException)
        {
            return false;
        }
    }

    private static byte[] Le(BigInteger value)
    {
        byte[] bytes = new byte[32];
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return bytes;
    }

    private static byte[] WithSign(byte[] encoding)
    {
        byte[] copy = (byte[])encoding.Clone();
        copy[31] |= 0x80;
        return copy;
    }
}
