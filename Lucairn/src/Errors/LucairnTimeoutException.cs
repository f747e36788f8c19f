namespace Lucairn;

/// <summary>No answer within the configured or per-call timeout, or <c>LucairnClient.WaitForCertificateAsync</c> reached its deadline; <see cref="LucairnApiException.Status"/> is null.</summary>
public class LucairnTimeoutException : LucairnApiException
{
    /// <summary>Creates the exception (every argument but the message is optional, so tests can build any failure).</summary>
    /// <param name="message">What failed.</param>
    /// <param name="status">Null: no answer arrived.</param>
    /// <param name="errorCode">The gateway's machine-readable code, or null.</param>
    /// <param name="requestId">The gateway's id for the request, or null.</param>
    /// <param name="retryAfter">How long the gateway asked the caller to wait, or null.</param>
    /// <param name="responseBody">The body text (capped, secrets redacted), or null.</param>
    /// <param name="innerException">The underlying error, or null.</param>
    public LucairnTimeoutException(
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
