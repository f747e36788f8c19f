namespace Shared.Crypto;

/// <summary>
/// An input had the wrong shape: a key or signature of the wrong length, text that is not
/// strict hex or base64, a PEM block of the wrong type. Raised for malformed <em>input</em>,
/// never for a signature that simply does not verify.
/// </summary>
public class CryptoFormatException : CryptoException
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was wrong with the input, and where.</param>
    public CryptoFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    /// <param name="message">What was wrong with the input, and where.</param>
    /// <param name="innerException">The underlying error.</param>
    public CryptoFormatException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
