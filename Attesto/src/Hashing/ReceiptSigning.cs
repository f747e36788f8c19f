using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// Receipt signing (PROPOSED, spec §9): Ed25519 over the 32 raw bytes of
/// <see cref="AttestoHashes.ReceiptDigest"/>; the signature is 128 lowercase hex digits; <c>alg</c>
/// and <c>kid</c> sit outside the signed payload. Used by the emulator to issue receipts that
/// <c>Receipts.Verify</c> accepts.
/// </summary>
internal static class ReceiptSigning
{
    /// <summary>The only supported receipt algorithm.</summary>
    internal const string Algorithm = "Ed25519";

    /// <summary>The key id of emulator-signed receipts.</summary>
    internal const string MockKid = "attesto-mock-ed25519";

    /// <summary>The bytes an Ed25519 receipt signature covers.</summary>
    /// <param name="receiptPayload">The receipt's <c>payload</c> object.</param>
    /// <returns>The 32-byte digest.</returns>
    internal static byte[] SigningInput(JToken receiptPayload) => AttestoHashes.ReceiptDigest(receiptPayload);

    /// <summary>
    /// Signs a receipt payload: <c>{"alg":"Ed25519","kid":kid,"payload":payload,"signature":hex}</c>,
    /// plus <c>"mock": true</c> when <paramref name="mock"/> (the payload should then carry
    /// <c>"mock": true</c> as well, before signing).
    /// </summary>
    /// <param name="payload">The payload to sign (kept by reference in the receipt).</param>
    /// <param name="key">The signing key.</param>
    /// <param name="kid">The key id.</param>
    /// <param name="mock">Whether to mark the receipt as mock evidence.</param>
    /// <returns>The receipt object.</returns>
    internal static JObject Sign(JObject payload, Ed25519PrivateKey key, string kid, bool mock)
    {
        AttestoArguments.NotNull(payload, nameof(payload));
        AttestoArguments.NotNull(key, nameof(key));
        byte[] signature = key.Sign(SigningInput(payload));
        var receipt = new JObject
        {
            ["alg"] = Algorithm,
            ["kid"] = kid,
            ["payload"] = payload,
            ["signature"] = Hex.Encode(signature),
        };
        if (mock)
        {
            receipt["mock"] = true;
        }

        return receipt;
    }
}
