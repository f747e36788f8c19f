using Shared.Crypto;

namespace Lucairn;

/// <summary>
/// The trust root for <see cref="CertificateVerifier"/>: the expected witness key id and the
/// witness's Ed25519 public key. The key is decoded once, on first use, and cached; a key that
/// cannot be decoded makes every verification fail with
/// <see cref="VerifyCertificateFailureReason.InvalidSignature"/> (the decoding error is the
/// inner exception), as upstream. Immutable and safe to share between threads.
/// </summary>
public sealed class VerifyCertificateKeys
{
    private readonly Lazy<Ed25519PublicKey> _publicKey;

    /// <summary>Creates the keys from a decoded public key.</summary>
    /// <param name="witnessKeyId">The expected <c>witness_key_id</c> (exact, case-sensitive), e.g. <c>witness_v1</c>.</param>
    /// <param name="witnessPublicKey">The witness public key.</param>
    /// <exception cref="LucairnValidationException">An argument is null.</exception>
    public VerifyCertificateKeys(string witnessKeyId, Ed25519PublicKey witnessPublicKey)
    {
        _ = Require.NotNull(witnessKeyId, nameof(witnessKeyId));
        _ = Require.NotNull(witnessPublicKey, nameof(witnessPublicKey));
        WitnessKeyId = witnessKeyId;
        _publicKey = new Lazy<Ed25519PublicKey>(witnessPublicKey);
    }

    /// <summary>Creates the keys from the raw 32 public-key bytes (copied).</summary>
    /// <param name="witnessKeyId">The expected <c>witness_key_id</c> (exact, case-sensitive).</param>
    /// <param name="witnessPublicKey">The raw key; anything but 32 bytes fails verification with <c>invalid_signature</c>.</param>
    /// <exception cref="LucairnValidationException">An argument is null.</exception>
    public VerifyCertificateKeys(string witnessKeyId, byte[] witnessPublicKey)
    {
        _ = Require.NotNull(witnessKeyId, nameof(witnessKeyId));
        _ = Require.NotNull(witnessPublicKey, nameof(witnessPublicKey));
        WitnessKeyId = witnessKeyId;
        byte[] copy = (byte[])witnessPublicKey.Clone();
        _publicKey = new Lazy<Ed25519PublicKey>(() => Ed25519PublicKey.FromRaw(copy), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Creates the keys from key text: strict base64 of the 32 bytes, 64 hex digits, or a PEM <c>PUBLIC KEY</c> block.</summary>
    /// <param name="witnessKeyId">The expected <c>witness_key_id</c> (exact, case-sensitive).</param>
    /// <param name="witnessPublicKey">The key text; text that is none of these forms fails verification with <c>invalid_signature</c>.</param>
    /// <exception cref="LucairnValidationException">An argument is null.</exception>
    public VerifyCertificateKeys(string witnessKeyId, string witnessPublicKey)
    {
        _ = Require.NotNull(witnessKeyId, nameof(witnessKeyId));
        _ = Require.NotNull(witnessPublicKey, nameof(witnessPublicKey));
        WitnessKeyId = witnessKeyId;
        _publicKey = new Lazy<Ed25519PublicKey>(() => Ed25519PublicKey.Parse(witnessPublicKey), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The expected <c>witness_key_id</c>.</summary>
    public string WitnessKeyId { get; }

    /// <summary>The decoded public key.</summary>
    /// <exception cref="CryptoFormatException">The key given to the constructor is not a valid Ed25519 public key.</exception>
    public Ed25519PublicKey WitnessPublicKey => _publicKey.Value;

    /// <summary>The key id and public key (not secret).</summary>
    /// <returns>A description for logs.</returns>
    public override string ToString() => _publicKey.IsValueCreated ? $"{WitnessKeyId}: {_publicKey.Value}" : WitnessKeyId;
}
