namespace Attesto;

/// <summary>The request was rejected as invalid: either locally, before anything was sent (<see cref="AttestoException.Status"/> is null), or by the service with a 4xx answer other than 401, 403, 426 and 429.</summary>
public class AttestoValidationException : AttestoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="status">The HTTP status, or null for a local check.</param>
    /// <param name="detail">The server's error detail, or null without an answer.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public AttestoValidationException(string message, int? status = null, string? detail = null, Exception? innerException = null)
        : base(message, status, detail, innerException)
    {
    }
}
