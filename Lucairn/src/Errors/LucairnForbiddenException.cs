namespace Lucairn;

/// <summary>The key may not do this, for example raw certificates below the Pro tier (HTTP 403, <c>tier_insufficient</c>).</summary>
public class LucairnForbiddenException : LucairnApiException
{
    /// <summary>Creates the exception (every argument but the message is optional, so tests can build any failure).</summary>
    /// <param name="message">What failed.</param>
    /// <param name="status">The HTTP status (403).</param>
    /// <param name="errorCode">The gateway's machine-readable code, or null.</param>
    /// <param name="requestId">The gateway's id for the request, or null.</param>
    /// <param name="retryAfter">How long the gateway asked the caller to wait, or null.</param>
    /// <param name="responseBody">The body text (capped, secrets redacted), or null.</param>
    /// <param name="innerException">The underlying error, or null.</param>
    public LucairnForbiddenException(
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
