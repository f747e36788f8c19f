namespace Attesto;

/// <summary>The service rejected the credentials (HTTP 401 or 403): the API key or bearer token is wrong, revoked, or lacks permission.</summary>
public class AttestoAuthException : AttestoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="status">The HTTP status, or null for a local check.</param>
    /// <param name="detail">The server's error detail, or null without an answer.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public AttestoAuthException(string message, int? status = null, string? detail = null, Exception? innerException = null)
        : base(message, status, detail, innerException)
    {
    }
}
