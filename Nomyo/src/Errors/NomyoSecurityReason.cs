namespace Nomyo;

/// <summary>
/// Why a <see cref="NomyoSecurityException"/> was raised: one stable value per cause, so callers
/// switch on it instead of parsing the message. <see cref="NomyoSecurityException.ReasonCode"/>
/// gives the same value in snake_case for logs.
/// </summary>
public enum NomyoSecurityReason
{
    /// <summary><c>pin_mismatch</c>: the server key is not the one in <see cref="NomyoClientOptions.ServerKeyPin"/>.</summary>
    PinMismatch,

    /// <summary><c>server_key_invalid</c>: the server key is not an RSA PEM public key of at least 2048 bits with a sound exponent.</summary>
    ServerKeyInvalid,

    /// <summary><c>downgrade</c>: the response announced another <c>version</c> or algorithm, or its AES key is not 256 bits.</summary>
    Downgrade,

    /// <summary><c>tampered</c>: the response did not decrypt or authenticate (altered data, or encrypted to another key).</summary>
    Tampered,

    /// <summary><c>malformed_package</c>: the encrypted response is not a well-formed package (empty, not JSON, a missing field, loose base64, a wrong nonce or tag length).</summary>
    MalformedPackage,

    /// <summary><c>malformed_plaintext</c>: the decrypted response is not valid UTF-8 JSON, not an object, or its <c>_metadata</c> is not an object.</summary>
    MalformedPlaintext,

    /// <summary><c>payload_id_mismatch</c>: the decrypted <c>_metadata.payload_id</c> names another request (a replayed or misrouted response).</summary>
    PayloadIdMismatch,

    /// <summary><c>response_too_large</c>: the response is larger than <see cref="NomyoClientOptions.MaxResponseBytes"/>.</summary>
    ResponseTooLarge,

    /// <summary><c>encryption_failed</c>: the request could not be encrypted to the server key.</summary>
    EncryptionFailed,

    /// <summary><c>client_key_missing</c>: no client private key is loaded yet for <see cref="SecureCompletionClient.DecryptResponse"/>.</summary>
    ClientKeyMissing,

    /// <summary><c>client_key_invalid</c>: a private or public key file is not a usable RSA key (at least 2048 bits), or the password is wrong or missing.</summary>
    ClientKeyInvalid,

    /// <summary><c>client_key_mismatch</c>: the public key file does not belong to the private key.</summary>
    ClientKeyMismatch,

    /// <summary><c>key_file_unreadable</c>: a key file is missing or cannot be read.</summary>
    KeyFileUnreadable,

    /// <summary><c>key_file_conflict</c>: a key file already exists (never overwritten), or a public key file exists without its private key.</summary>
    KeyFileConflict,

    /// <summary><c>key_file_write_failed</c>: the key folder or a key file cannot be created.</summary>
    KeyFileWriteFailed,
}
