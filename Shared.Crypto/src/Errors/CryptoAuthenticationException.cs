namespace Shared.Crypto;

/// <summary>
/// Authenticated decryption failed: the AES-GCM tag did not match, or an RSA-OAEP block did
/// not decode. The ciphertext, key, nonce, tag or associated data was altered or is wrong.
/// No plaintext is returned when this is raised.
/// </summary>
public class CryptoAuthenticationException : CryptoException
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed to authenticate.</param>
    public CryptoAuthenticationException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    /// <param name="message">What failed to authenticate.</param>
    /// <param name="innerException">The underlying error.</param>
    public CryptoAuthenticationException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
