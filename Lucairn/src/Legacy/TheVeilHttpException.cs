using Lucairn;

namespace TheVeil;

/// <summary>The pre-rename name of the HTTP error, now <see cref="LucairnApiException"/>; <see cref="TheVeilClient"/> raises it for every error status.</summary>
[Obsolete("TheVeil was renamed to Lucairn: use Lucairn.LucairnApiException.")]
public class TheVeilHttpException : LucairnApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="status">The HTTP status, or null.</param>
    /// <param name="errorCode">The gateway's error code, or null.</param>
    /// <param name="requestId">The gateway's request id, or null.</param>
    /// <param name="retryAfter">The wait the gateway asked for, or null.</param>
    /// <param name="responseBody">The body text, or null.</param>
    /// <param name="innerException">The cause, or null.</param>
    public TheVeilHttpException(
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
