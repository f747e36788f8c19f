using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// The payload commitment a Proofstream stores (spec §6): SHA-256 over the canonical JSON of
/// the payload, byte-identical to the server and the other SDKs. Pure and thread-safe.
/// </summary>
public static class PayloadCommitment
{
    /// <summary>The only hash algorithm: <c>sha256</c>.</summary>
    public const string HashAlgorithm = "sha256";

    /// <summary>Computes the commitment of a payload (applying the number policy).</summary>
    /// <param name="payload">The payload: a <see cref="JToken"/>, anonymous object, dictionary or list.</param>
    /// <returns><c>{hash_alg, canonical_payload_hash}</c>.</returns>
    /// <exception cref="AttestoUnsafeNumberException">The payload breaks the number policy.</exception>
    /// <exception cref="AttestoValidationException">The payload cannot be canonicalised.</exception>
    /// <exception cref="AttestoSelfTestException">The SDK's self-test failed on this machine.</exception>
    public static PayloadCommitmentValue Compute(object? payload)
    {
        SelfTest.EnsurePassed();
        byte[] digest = AttestoHashes.PayloadHash(AttestoCanonicalJson.ToToken(payload));
        return new PayloadCommitmentValue(HashAlgorithm, Hex.Encode(digest));
    }

    /// <summary>
    /// Recomputes the commitment of <paramref name="payload"/> and compares it with the one an
    /// event carries: <c>payload_commitment.canonical_payload_hash</c>, else <c>payload_hash</c>,
    /// else <c>canonical_payload_hash</c> (hex compared case-insensitively; a <c>hash_alg</c>, if
    /// present, must be <c>sha256</c>). Fails closed: any malformed input gives false.
    /// </summary>
    /// <param name="payload">Your own copy of the payload.</param>
    /// <param name="event">The event (or commitment object) fetched from the service.</param>
    /// <returns>Whether the event commits to exactly this payload.</returns>
    /// <exception cref="AttestoSelfTestException">The SDK's self-test failed on this machine.</exception>
    public static bool Verify(object? payload, JToken @event)
    {
        SelfTest.EnsurePassed();
        if (@event is not JObject obj)
        {
            return false;
        }

        JObject holder = obj["payload_commitment"] as JObject ?? obj;
        string? expected = JsonFields.Text(holder, "canonical_payload_hash") ?? JsonFields.Text(obj, "payload_hash", "canonical_payload_hash");
        JToken? alg = holder["hash_alg"] ?? obj["hash_alg"];
        if (expected is null || (alg is not null && !string.Equals((string?)(alg as JValue), HashAlgorithm, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[Hashes.DigestSize];
        if (!HexSpan.TryDecode(expected, claimed))
        {
            return false;
        }

        byte[] actual;
        try
        {
            actual = AttestoHashes.PayloadHash(AttestoCanonicalJson.ToToken(payload));
        }
        catch (AttestoException)
        {
            return false;
        }

        return ConstantTime.Equals(actual, claimed);
    }
}
