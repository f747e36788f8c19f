using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>
/// A call to the Attesto service failed: it answered with an error status (after every retry the
/// policy allows), or no answer arrived (<see cref="AttestoTimeoutException"/>,
/// <see cref="AttestoConnectionException"/>, where <see cref="Status"/> is null). The subclasses
/// name the kind (400/422, 401, 403, 404, 429, 5xx, timeout, connection); any other status is this
/// class itself. The body is capped and the credential redacted before it gets here.
/// </summary>
public class AttestoApiException : AttestoException
{
    private readonly Lazy<JToken?> _responseJson;

    /// <summary>Creates the exception (public so tests and mocks can build one).</summary>
    /// <param name="message">What failed, e.g. <c>POST /v2/streams failed with HTTP 404 (stream_not_found): …</c>.</param>
    /// <param name="status">The HTTP status, or null when no answer arrived.</param>
    /// <param name="errorCode">The service's machine-readable error code, if it sent one.</param>
    /// <param name="requestId">The service's id for the request, if it sent one.</param>
    /// <param name="retryAfter">The service's <c>Retry-After</c> wait, if it sent one.</param>
    /// <param name="responseBody">The (capped, redacted) body text, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public AttestoApiException(
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
        _responseJson = new Lazy<JToken?>(() => Shared.Http.ApiErrorDetails.ParseJson(responseBody));
    }

    /// <summary>The HTTP status, or null when no answer arrived (timeout, connection failure).</summary>
    public int? Status { get; }

    /// <summary>The service's machine-readable error code (e.g. <c>tier_insufficient</c>), or null.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's id for the request (response header or body), for support tickets; or null.</summary>
    public string? RequestId { get; }

    /// <summary>How long the service asked the caller to wait (<c>Retry-After</c>, on any status), or null.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The response body as text (capped, the credential redacted), or null without one.</summary>
    public string? ResponseBody { get; }

    /// <summary>
    /// The response body parsed as JSON (dates kept as strings), or null when there is none or it
    /// is not JSON. Each read returns a fresh copy, so changing it changes nothing here.
    /// </summary>
    public JToken? ResponseJson => _responseJson.Value?.DeepClone();
}
