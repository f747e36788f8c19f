namespace Attesto;

/// <summary>The service answered with a 5xx status on every attempt (the original call and all retries).</summary>
public class AttestoServerException : AttestoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="status">The HTTP status, or null for a local check.</param>
    /// <param name="detail">The server's error detail, or null without an answer.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public AttestoServerException(string message, int? status = null, string? detail = null, Exception? innerException = null)
        : base(message, status, detail, innerException)
    {
    }
}
