namespace Attesto;

/// <summary>
/// Base class of every error the Attesto SDK raises. A call to the service that failed is an
/// <see cref="AttestoApiException"/> (with the status, error code, request id and body); a caller
/// mistake is an <see cref="AttestoValidationException"/>; the other subclasses are the SDK's own
/// findings (a fork, a receipt that fails verification, the number policy, the self-test).
/// Messages never contain the API key.
/// </summary>
public class AttestoException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public AttestoException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
