namespace Shared.Crypto;

/// <summary>
/// A key is unusable: the wrong algorithm, too small, a PEM private key whose password is
/// wrong or missing, or a key that does not decode to a valid value.
/// </summary>
public class CryptoKeyException : CryptoException
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong with the key.</param>
    public CryptoKeyException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    /// <param name="message">What is wrong with the key.</param>
    /// <param name="innerException">The underlying error.</param>
    public CryptoKeyException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
