using System.Globalization;
using Shared.Http;

namespace Lucairn;

/// <summary>
/// The one place where a failed gateway call becomes a Lucairn exception: the shared facts of the
/// answer (<see cref="ApiErrorDetails"/>) to the family subclass of its <see cref="ApiErrorKind"/>,
/// and a missing answer to <see cref="LucairnTimeoutException"/> or <see cref="LucairnConnectionException"/>.
/// Messages read "<c>&lt;operation&gt; failed with HTTP &lt;status&gt; (&lt;code&gt;): &lt;detail&gt;</c>" and never carry a secret.
/// </summary>
internal static class LucairnErrorMapper
{
    private const int MaxBodyPrefix = 200;

    /// <summary>The exception for an error answer (or a 202 not-yet-assembled answer).</summary>
    /// <param name="operation">The public operation, for example <c>GetCertificateAsync</c>.</param>
    /// <param name="details">The answer's facts (body already capped and redacted).</param>
    /// <param name="detail">What to say after the status, or null for the gateway's message, else a body prefix, else the reason phrase.</param>
    /// <param name="reasonPhrase">The answer's reason phrase (redacted), the last resort for the detail.</param>
    /// <param name="retryAfter">A wait that overrides the <c>Retry-After</c> header (the 202 body's <c>retry_after_seconds</c>), or null.</param>
    internal static LucairnApiException FromResponse(string operation, ApiErrorDetails details, string? detail = null, string? reasonPhrase = null, TimeSpan? retryAfter = null)
    {
        int status = details.Status ?? 0;
        string code = details.ErrorCode is { } errorCode ? $" ({errorCode})" : string.Empty;
        string text = detail ?? details.ErrorMessage ?? BodyPrefix(details.ResponseBody) ?? reasonPhrase ?? "no detail";
        string message = string.Create(CultureInfo.InvariantCulture, $"{operation} failed with HTTP {status}{code}: {text}");
        TimeSpan? wait = retryAfter ?? details.RetryAfter;
        return details.Kind switch
        {
            ApiErrorKind.BadRequest => new LucairnBadRequestException(message, status, details.ErrorCode, details.RequestId, wait, details.ResponseBody),
            ApiErrorKind.Authentication => new LucairnAuthenticationException(message, status, details.ErrorCode, details.RequestId, wait, details.ResponseBody),
            ApiErrorKind.Forbidden => new LucairnForbiddenException(message, status, details.ErrorCode, details.RequestId, wait, details.ResponseBody),
            ApiErrorKind.NotFound => new LucairnNotFoundException(message, status, details.ErrorCode, details.RequestId, wait, details.ResponseBody),
            ApiErrorKind.RateLimit => new LucairnRateLimitException(message, status, details.ErrorCode, details.RequestId, wait, details.ResponseBody),
            ApiErrorKind.Server => new LucairnServerException(message, status, details.ErrorCode, details.RequestId, wait, details.ResponseBody),
            _ => new LucairnApiException(message, status, details.ErrorCode, details.RequestId, wait, details.ResponseBody),
        };
    }

    /// <summary>No answer within <paramref name="timeout"/> (the message names the timeout in seconds).</summary>
    internal static LucairnTimeoutException Timeout(string operation, TimeSpan timeout, Exception? cause) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{operation} failed: request timed out after {timeout.TotalSeconds:0.###}s"), innerException: cause);

    /// <summary>The connection failed or dropped, or a caller's client followed a redirect elsewhere.</summary>
    internal static LucairnConnectionException Connection(string operation, Exception cause) =>
        new($"{operation} failed: request failed: {cause.Message}", innerException: cause);

    private static string? BodyPrefix(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        string flat = string.Concat(body.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
        return flat.Length <= MaxBodyPrefix ? flat : flat[..MaxBodyPrefix] + "…";
    }
}
