using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>
/// A call to the NOMYO router failed (upstream <c>APIError</c>): it answered with an error status,
/// or no answer arrived (<see cref="NomyoTimeoutException"/>, <see cref="NomyoConnectionException"/>;
/// then <see cref="Status"/> is null). Subclasses name the common statuses; any other status
/// (for example 409, 502 after the retries) is this class itself.
/// </summary>
public class NomyoApiException : NomyoException
{
    private readonly Lazy<JToken?> _responseJson;

    /// <summary>Creates the exception (public so tests can build one without a server).</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="status">The HTTP status, or null when no answer arrived.</param>
    /// <param name="errorCode">The server's machine-readable error code, or null.</param>
    /// <param name="requestId">The server's id for the request, or null.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c> wait, or null.</param>
    /// <param name="responseBody">The error body as text (capped, secrets redacted), or null.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public NomyoApiException(
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

    /// <summary>The server's machine-readable error code (for example <c>tier_insufficient</c>), or null.</summary>
    public string? ErrorCode { get; }

    /// <summary>The server's id for the request (<c>X-Request-ID</c> header or the body's <c>request_id</c>), or null.</summary>
    public string? RequestId { get; }

    /// <summary>How long the server asked to wait (<c>Retry-After</c>, on any status), or null.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The error body as text (at most 64 KiB; the API key is redacted), or null.</summary>
    public string? ResponseBody { get; }

    /// <summary>
    /// The error body parsed as JSON (for example <c>{"detail": "..."}</c>), or null when it is not
    /// JSON. Each read returns a fresh copy, so changing it changes nothing here.
    /// </summary>
    public JToken? ResponseJson => _responseJson.Value?.DeepClone();
}
