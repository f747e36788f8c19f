using Newtonsoft.Json.Linq;
using Shared.Http;

namespace Attesto;

/// <summary>
/// The one place a failed call becomes an <see cref="AttestoApiException"/> subclass: a final
/// error answer (by <see cref="ApiErrorKind"/>, with 426 as <see cref="AttestoProtocolMismatchException"/>),
/// an attempt timeout and a connection failure. The answer's body is already capped and redacted
/// by the transport; the credential is scrubbed again from everything that reaches a message.
/// </summary>
internal static class AttestoErrorMapper
{
    /// <summary>The longest server message or body prefix put into an exception message.</summary>
    internal const int MaxMessageChars = 512;

    /// <summary>Maps a final (non-retried) error answer.</summary>
    /// <param name="method">The request method, for the message.</param>
    /// <param name="path">The request path, for the message.</param>
    /// <param name="response">The buffered answer (body capped and redacted).</param>
    /// <param name="credential">The credential to scrub from any echoed text.</param>
    /// <param name="timeProvider">The clock that turns an HTTP-date <c>Retry-After</c> into a wait.</param>
    /// <returns>The exception to throw.</returns>
    internal static AttestoApiException Map(string method, string path, BufferedResponse response, string? credential, TimeProvider timeProvider) =>
        Map(method, path, ApiErrorDetails.From(response, timeProvider), credential);

    /// <summary>Maps the facts of a failed answer.</summary>
    internal static AttestoApiException Map(string method, string path, ApiErrorDetails details, string? credential)
    {
        int status = details.Status ?? 0;
        string? code = Redact(details.ErrorCode, credential);
        string? requestId = Redact(details.RequestId, credential);
        string? body = Redact(details.ResponseBody, credential);
        string said = Redact(details.ErrorMessage, credential) ?? BodyPrefix(body);
        string message = $"{method} {path} failed with HTTP {status}{(code is null ? string.Empty : $" ({code})")}{(said.Length == 0 ? "." : ": " + Cap(said))}";
        TimeSpan? retryAfter = details.RetryAfter;
        if (status == 426)
        {
            JToken? json = details.ResponseJson;
            return new AttestoProtocolMismatchException(
                message,
                status,
                code,
                requestId,
                retryAfter,
                body,
                Field(json, "supported", credential),
                Field(json, "received", credential),
                Field(json, "hint", credential));
        }

        return details.Kind switch
        {
            ApiErrorKind.BadRequest => new AttestoBadRequestException(message, status, code, requestId, retryAfter, body),
            ApiErrorKind.Authentication => new AttestoAuthenticationException(message, status, code, requestId, retryAfter, body),
            ApiErrorKind.Forbidden => new AttestoForbiddenException(message, status, code, requestId, retryAfter, body),
            ApiErrorKind.NotFound => new AttestoNotFoundException(message, status, code, requestId, retryAfter, body),
            ApiErrorKind.RateLimit => new AttestoRateLimitException(message, status, code, requestId, retryAfter, body),
            ApiErrorKind.Server => new AttestoServerException(message, status, code, requestId, retryAfter, body),
            _ => new AttestoApiException(message, status, code, requestId, retryAfter, body),
        };
    }

    /// <summary>No answer within the per-attempt limit, on every attempt.</summary>
    internal static AttestoTimeoutException Timeout(string method, string path, TimeSpan timeout, Exception innerException) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{method} {path} timed out after {timeout.TotalSeconds:0.###} s on every attempt."), innerException: innerException);

    /// <summary>The service could not be reached, the connection broke, or a redirect was refused.</summary>
    internal static AttestoConnectionException Connection(string method, string path, string what, Exception innerException) =>
        new($"{method} {path} failed: {what}.", innerException: innerException);

    /// <summary>Replaces every occurrence of the credential with a marker.</summary>
    internal static string? Redact(string? text, string? credential) =>
        text is null ? null : SecretRedaction.Redact(text, credential);

    private static string BodyPrefix(string? body) =>
        body is null ? string.Empty : string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Cap(string text) => text.Length <= MaxMessageChars ? text : text[..MaxMessageChars] + "…";

    // A string as written; a list (several supported versions) as compact JSON.
    private static string? Field(JToken? json, string name, string? credential) => (json as JObject)?[name] switch
    {
        JValue { Type: JTokenType.String, Value: string { Length: > 0 } value } => Redact(Cap(value), credential),
        JContainer token => Redact(Cap(token.ToString(Newtonsoft.Json.Formatting.None)), credential),
        _ => null,
    };
}
