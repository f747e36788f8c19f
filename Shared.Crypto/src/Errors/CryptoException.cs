namespace Shared.Crypto;

/// <summary>
/// Base class of every error raised by <c>Shared.Crypto</c>. No BouncyCastle or platform
/// cryptography exception escapes the package: they are wrapped in a subclass of this type
/// and kept as <see cref="Exception.InnerException"/>.
/// </summary>
public class CryptoException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CryptoException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    public CryptoException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
