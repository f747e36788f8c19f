using System.Globalization;
using Shared.Http;

namespace Nomyo;

/// <summary>
/// The one place a failed NOMYO call becomes an exception: a non-200 answer (read into the
/// family's <see cref="ApiErrorDetails"/>) maps by <see cref="ApiErrorKind"/> to the
/// <see cref="NomyoApiException"/> subclass; a call without an answer becomes
/// <see cref="NomyoTimeoutException"/> or <see cref="NomyoConnectionException"/>.
/// </summary>
internal static class NomyoErrorMapper
{
    private const int MaxBodyPrefixLength = 200;

    /// <summary>The exception for a failed answer.</summary>
    /// <param name="details">The facts of the answer (body already capped and redacted).</param>
    /// <param name="operation">The call, e.g. <c>POST /v1/chat/secure_completion</c>.</param>
    internal static NomyoApiException Map(ApiErrorDetails details, string operation)
    {
        int status = details.Status ?? 0;
        string code = details.ErrorCode is { } c ? $" ({c})" : string.Empty;
        string message = string.Create(CultureInfo.InvariantCulture, $"{operation} failed with HTTP {status}{code}: {ServerMessage(details, status)}");
        string? errorCode = details.ErrorCode;
        string? requestId = details.RequestId;
        TimeSpan? retryAfter = details.RetryAfter;
        string? body = details.ResponseBody;
        return details.Kind switch
        {
            ApiErrorKind.BadRequest => new NomyoBadRequestException(message, status, errorCode, requestId, retryAfter, body),
            ApiErrorKind.Authentication => new NomyoAuthenticationException(message, status, errorCode, requestId, retryAfter, body),
            ApiErrorKind.Forbidden => new NomyoForbiddenException(message, status, errorCode, requestId, retryAfter, body),
            ApiErrorKind.NotFound => new NomyoNotFoundException(message, status, errorCode, requestId, retryAfter, body),
            ApiErrorKind.RateLimit => new NomyoRateLimitException(message, status, errorCode, requestId, retryAfter, body),
            ApiErrorKind.Server when status == 503 => new NomyoServiceUnavailableException(message, status, errorCode, requestId, retryAfter, body),
            ApiErrorKind.Server => new NomyoServerException(message, status, errorCode, requestId, retryAfter, body),
            _ => new NomyoApiException(message, status, errorCode, requestId, retryAfter, body),
        };
    }

    /// <summary>No answer within the per-attempt timeout.</summary>
    internal static NomyoTimeoutException Timeout(string operation, TimeSpan timeout, Exception cause) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{operation} timed out after {timeout.TotalSeconds:0.###} s."), innerException: cause);

    /// <summary>The router could not be reached, the connection broke, or a redirect was refused.</summary>
    internal static NomyoConnectionException Connection(string operation, string problem, Exception cause) =>
        new($"{operation} failed: {problem}", innerException: cause);

    /// <summary>The server's message; else a short prefix of a JSON body; else upstream's default detail for the status (spec §7.1).</summary>
    private static string ServerMessage(ApiErrorDetails details, int status)
    {
        if (details.ErrorMessage is { } text)
        {
            return text;
        }

        if (details.ResponseJson is not null && details.ResponseBody is { } body)
        {
            string flat = body.ReplaceLineEndings(" ").Trim();
            return flat.Length <= MaxBodyPrefixLength ? flat : flat[..MaxBodyPrefixLength] + "…";
        }

        return status switch
        {
            400 or 422 => "Invalid response format",
            401 => "Invalid API key or authentication failed",
            403 => "Model not allowed for the requested security tier",
            404 => "Secure inference not enabled",
            429 => "Too many requests",
            500 => "Internal server error",
            503 => "Inference backend is unavailable",
            _ => "unknown",
        };
    }
}
