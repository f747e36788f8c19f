using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>
/// A call to the gateway failed: it answered with an error status (see the subclasses for the
/// common ones), with 202 on a certificate endpoint (not assembled yet; <see cref="RetryAfter"/>
/// says when to ask again), or no answer arrived (<see cref="LucairnTimeoutException"/>,
/// <see cref="LucairnConnectionException"/>, where <see cref="Status"/> is null). A 2xx answer
/// never raises this type (see <see cref="LucairnResponseValidationException"/>).
/// </summary>
public class LucairnApiException : LucairnException
{
    private readonly Lazy<JToken?> _json;

    /// <summary>Creates the exception (every argument but the message is optional, so tests can build any failure).</summary>
    /// <param name="message">What failed, for example <c>GetCertificateAsync failed with HTTP 403 (tier_insufficient): …</c>.</param>
    /// <param name="status">The HTTP status, or null when no answer arrived.</param>
    /// <param name="errorCode">The gateway's machine-readable code, for example <c>tier_insufficient</c>.</param>
    /// <param name="requestId">The gateway's id for the request (response header or body), for support.</param>
    /// <param name="retryAfter">How long the gateway asked the caller to wait, on any status.</param>
    /// <param name="responseBody">The body text (capped, secrets redacted).</param>
    /// <param name="innerException">The underlying error, or null.</param>
    public LucairnApiException(
        string message,
        int? status = null,
        string? errorCode = null,
        string? requestId = null,
        TimeSpan? retryAfter = null,
        string? responseBody = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        RequestId = requestId;
        RetryAfter = retryAfter;
        ResponseBody = responseBody;
        _json = new Lazy<JToken?>(() => Shared.Http.ApiErrorDetails.ParseJson(responseBody), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The HTTP status the gateway answered with, or null when no answer arrived (timeout, connection failure).</summary>
    public int? Status { get; }

    /// <summary>The gateway's machine-readable error code (for example <c>tier_insufficient</c>), or null.</summary>
    public string? ErrorCode { get; }

    /// <summary>The gateway's id for the request (the <c>x-request-id</c> header or the body's <c>request_id</c>), or null.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// How long the gateway asked the caller to wait before trying again (<c>Retry-After</c>, or
    /// the body's <c>retry_after_seconds</c> on a 202), or null.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// The response body as text (an over-cap body is the kept prefix; an echoed API key is
    /// redacted), or null when there was none. Treat it as untrusted.
    /// </summary>
    public string? ResponseBody { get; }

    /// <summary>
    /// <see cref="ResponseBody"/> parsed as JSON (dates kept as strings), or null when it is not
    /// one JSON document. Each call returns a fresh copy, so the exception cannot be changed through it.
    /// </summary>
    public JToken? ResponseJson => _json.Value?.DeepClone();
}
