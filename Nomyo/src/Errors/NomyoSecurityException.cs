namespace Nomyo;

/// <summary>
/// A cryptographic, key or protocol-integrity failure (upstream <c>SecurityError</c>): the
/// response did not decrypt or authenticate, it announced another version or algorithm (a
/// possible downgrade), a field had the wrong length or was not strict base64, the server key
/// did not match the pin or is too weak, a key file could not be read, or plain HTTP was used
/// without <c>AllowHttp</c>. Never retried. Fail-closed: no partial result is returned.
/// </summary>
public class NomyoSecurityException : NomyoException
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public NomyoSecurityException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    public NomyoSecurityException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
