namespace Shared.Crypto;

/// <summary>The outcome of the pinned-key policy (<see cref="Ed25519KeyPolicy"/>), in check order.</summary>
public enum Ed25519KeyPolicyResult
{
    /// <summary>The key may be pinned.</summary>
    Ok,

    /// <summary>Not exactly the canonical padded standard base64 of 32 bytes (or not 32 raw bytes).</summary>
    Malformed,

    /// <summary>One of the 14 small-order encodings (the libsodium blocklist).</summary>
    SmallOrder,

    /// <summary>Not the canonical encoding of a curve point (y ≥ p, no x solves the curve equation, or x = 0 with the sign bit set).</summary>
    InvalidPoint,
}
