namespace Lucairn;

/// <summary>
/// Base class of every error the Lucairn SDK raises: <see cref="LucairnValidationException"/> (a
/// caller mistake, nothing sent), <see cref="LucairnApiException"/> and its subclasses (a call to
/// the gateway failed), <see cref="LucairnResponseValidationException"/> (a 2xx body was unusable)
/// and <see cref="LucairnCertificateException"/> (verification failed). Messages never contain the API key.
/// </summary>
public class LucairnException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public LucairnException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    public LucairnException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
