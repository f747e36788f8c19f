namespace Nomyo;

/// <summary>HTTP 401: the API key is missing, wrong or revoked (upstream <c>AuthenticationError</c>).</summary>
public class NomyoAuthenticationException : NomyoApiException
{
    /// <summary>Creates the exception (public so tests can build one without a server).</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="status">The HTTP status (401).</param>
    /// <param name="errorCode">The server's machine-readable error code, or null.</param>
    /// <param name="requestId">The server's id for the request, or null.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c> wait, or null.</param>
    /// <param name="responseBody">The error body as text (capped, secrets redacted), or null.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public NomyoAuthenticationException(
        string message,
        int? status = 401,
        string? errorCode = null,
        string? requestId = null,
        TimeSpan? retryAfter = null,
        string? responseBody = null,
        Exception? innerException = null)
        : base(message, status, errorCode, requestId, retryAfter, responseBody, innerException)
    {
    }
}
