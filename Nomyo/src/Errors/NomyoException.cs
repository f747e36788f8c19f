namespace Nomyo;

/// <summary>
/// Base class of every error the NOMYO SDK raises. Catch it to handle any SDK failure; catch
/// <see cref="NomyoApiException"/>, <see cref="NomyoSecurityException"/> or
/// <see cref="NomyoConnectionException"/> to tell the kinds apart. Messages never contain the
/// API key or decrypted content.
/// </summary>
public class NomyoException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public NomyoException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    public NomyoException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
