namespace Attesto;

/// <summary>
/// The service answered HTTP 429 on every attempt: the tenant's rate limit is exhausted.
/// <see cref="RetryAfter"/> carries the server's last <c>Retry-After</c> hint, if any.
/// </summary>
public class AttestoRateLimitException : AttestoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="status">The HTTP status (429).</param>
    /// <param name="detail">The server's error detail.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c> hint, if it sent one.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public AttestoRateLimitException(string message, int? status = null, string? detail = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, status, detail, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the server asked the caller to wait before trying again, if it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
