namespace Shared.Crypto;

/// <summary>
/// The pinned-key policy for Ed25519 trust roots (lucairn-chain spec §3): checked once when a key
/// is loaded, in this order: malformed → small order → invalid point. A key that passes is
/// canonical and not small order, which the strict signature rule
/// (<see cref="Ed25519PublicKey.VerifyStrict"/>) relies on. Which keys are test keys is the
/// caller's business (a vendor's own corpus keys).
/// </summary>
public static class Ed25519KeyPolicy
{
    /// <summary>Checks a key given as text: it must be exactly the padded standard base64 of 32 bytes.</summary>
    /// <param name="text">The key text; null or empty is <see cref="Ed25519KeyPolicyResult.Malformed"/>.</param>
    /// <param name="key">The 32 key bytes when the result is <see cref="Ed25519KeyPolicyResult.Ok"/>, else null.</param>
    /// <returns>The first rule the key breaks, or <see cref="Ed25519KeyPolicyResult.Ok"/>.</returns>
    public static Ed25519KeyPolicyResult Check(string? text, out byte[]? key)
    {
        key = null;
        if (!StrictBase64.TryDecode(text, out byte[]? bytes) || bytes.Length != Ed25519PublicKey.KeySize)
        {
            return Ed25519KeyPolicyResult.Malformed;
        }

        Ed25519KeyPolicyResult result = Check(bytes);
        key = result == Ed25519KeyPolicyResult.Ok ? bytes : null;
        return result;
    }

    /// <summary>Checks a key given as raw bytes: it must be exactly 32 bytes.</summary>
    /// <param name="key">The key bytes.</param>
    /// <returns>The first rule the key breaks, or <see cref="Ed25519KeyPolicyResult.Ok"/>.</returns>
    public static Ed25519KeyPolicyResult Check(ReadOnlySpan<byte> key)
    {
        if (key.Length != Ed25519PublicKey.KeySize)
        {
            return Ed25519KeyPolicyResult.Malformed;
        }

        if (Ed25519Curve.IsSmallOrder(key))
        {
            return Ed25519KeyPolicyResult.SmallOrder;
        }

        return Ed25519Curve.IsCanonicalPoint(key) ? Ed25519KeyPolicyResult.Ok : Ed25519KeyPolicyResult.InvalidPoint;
    }
}
