namespace Attesto;

/// <summary>The credentials are valid but not allowed to do this (HTTP 403), e.g. a plan without the feature or a stream of another tenant.</summary>
public class AttestoForbiddenException : AttestoApiException
{
    /// <summary>Creates the exception (public so tests and mocks can build one).</summary>
    /// <param name="message">What failed.</param>
    /// <param name="status">The HTTP status (403).</param>
    /// <param name="errorCode">The service's machine-readable error code, if it sent one.</param>
    /// <param name="requestId">The service's id for the request, if it sent one.</param>
    /// <param name="retryAfter">The service's <c>Retry-After</c> wait, if it sent one.</param>
    /// <param name="responseBody">The (capped, redacted) body text, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public AttestoForbiddenException(
        string message,
        int? status = null,
        string? errorCode = null,
        string? requestId = null,
        TimeSpan? retryAfter = null,
        string? responseBody = null,
        Exception? innerException = null)
        : base(message, status, errorCode, requestId, retryAfter, responseBody, innerException)
    {
    }
}
