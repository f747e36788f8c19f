namespace Nomyo.Testing;

/// <summary>A malformed or hostile answer the emulator can send instead of a valid one.</summary>
public enum NomyoEmulatorFault
{
    /// <summary>The package says <c>"version": "0.9"</c> (a downgrade).</summary>
    BadVersion,

    /// <summary>The package says <c>"algorithm": "hybrid-aes128-rsa2048"</c> (a downgrade).</summary>
    BadAlgorithm,

    /// <summary>The response is encrypted with a 16-byte AES-128 key (a downgrade).</summary>
    Aes128Key,

    /// <summary>The GCM tag is cut to 12 bytes.</summary>
    TruncatedTag,

    /// <summary>The ciphertext base64 carries a line break (lenient decoders accept it, strict ones must not).</summary>
    BadBase64,

    /// <summary>The GCM nonce is 8 bytes instead of 12.</summary>
    ShortNonce,

    /// <summary>The <c>tag</c> field is missing (the nomyo-js layout).</summary>
    MissingTag,

    /// <summary>One ciphertext bit is flipped, so authentication fails.</summary>
    TamperedCiphertext,

    /// <summary>The body is not JSON.</summary>
    NotJson,

    /// <summary>The decrypted completion carries another request's <c>_metadata.payload_id</c> (a replayed answer).</summary>
    WrongPayloadId,

    /// <summary>The decrypted plaintext is a JSON array instead of an object.</summary>
    ArrayPlaintext,
}
