namespace Nomyo;

/// <summary>HTTP 503: the inference backend is unavailable (upstream <c>ServiceUnavailableError</c>); retried automatically before this is raised.</summary>
public class NomyoServiceUnavailableException : NomyoServerException
{
    /// <summary>Creates the exception (public so tests can build one without a server).</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="status">The HTTP status (503).</param>
    /// <param name="errorCode">The server's machine-readable error code, or null.</param>
    /// <param name="requestId">The server's id for the request, or null.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c> wait, or null.</param>
    /// <param name="responseBody">The error body as text (capped, secrets redacted), or null.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public NomyoServiceUnavailableException(
        string message,
        int? status = 503,
        string? errorCode = null,
        string? requestId = null,
        TimeSpan? retryAfter = null,
        string? responseBody = null,
        Exception? innerException = null)
        : base(message, status, errorCode, requestId, retryAfter, responseBody, innerException)
    {
    }
}
