namespace Nomyo;

/// <summary>HTTP 5xx: the router failed (upstream <c>ServerError</c>). 500 is not retried by default, since the inference may already have run; 502/503/504 are.</summary>
public class NomyoServerException : NomyoApiException
{
    /// <summary>Creates the exception (public so tests can build one without a server).</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="status">The HTTP status (5xx).</param>
    /// <param name="errorCode">The server's machine-readable error code, or null.</param>
    /// <param name="requestId">The server's id for the request, or null.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c> wait, or null.</param>
    /// <param name="responseBody">The error body as text (capped, secrets redacted), or null.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public NomyoServerException(
        string message,
        int? status = 500,
        string? errorCode = null,
        string? requestId = null,
        TimeSpan? retryAfter = null,
        string? responseBody = null,
        Exception? innerException = null)
        : base(message, status, errorCode, requestId, retryAfter, responseBody, innerException)
    {
    }
}
