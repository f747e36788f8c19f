namespace Nomyo;

/// <summary>
/// Base class of every error the NOMYO SDK raises. Catch it to handle any SDK failure; catch
/// <see cref="NomyoValidationException"/> (a caller mistake, nothing sent),
/// <see cref="NomyoApiException"/> (a call to the router failed, with its subclasses by status)
/// or <see cref="NomyoSecurityException"/> (a cryptographic or key check failed, with a
/// <see cref="NomyoSecurityException.Reason"/>) to tell the kinds apart. Messages never contain
/// the API key or decrypted content.
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
