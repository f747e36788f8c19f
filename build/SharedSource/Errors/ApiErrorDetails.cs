using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Shared.Http;

/// <summary>
/// What every vendor's API exception carries, read once from a failed answer whose body is already
/// capped and redacted (<see cref="BufferedResponse.RedactError"/>): the status, the service's
/// error code and message, the request id, the <c>Retry-After</c> wait, and the body as text and
/// as parsed JSON. Nothing here throws: a body that is not JSON simply has no parsed form or code.
/// </summary>
internal sealed class ApiErrorDetails
{
    private const int MaxFieldLength = 256;

    /// <summary>Headers that carry the service's id for a request, in the order they are tried.</summary>
    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-correlation-id"];

    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private ApiErrorDetails(int? status, string? errorCode, string? errorMessage, string? requestId, TimeSpan? retryAfter, string? responseBody, JToken? responseJson)
    {
        Status = status;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RequestId = requestId;
        RetryAfter = retryAfter;
        ResponseBody = responseBody;
        ResponseJson = responseJson;
    }

    /// <summary>The facts of a call that got no answer (timeout, connection failure).</summary>
    internal static ApiErrorDetails NoResponse { get; } = new(null, null, null, null, null, null, null);

    /// <summary>The HTTP status, or null when no answer arrived.</summary>
    internal int? Status { get; }

    /// <summary>The service's machine-readable code (for example <c>tier_insufficient</c>).</summary>
    internal string? ErrorCode { get; }

    /// <summary>The service's human-readable message, when the body has one.</summary>
    internal string? ErrorMessage { get; }

    /// <summary>The service's id for the request (response header, else the body's <c>request_id</c>).</summary>
    internal string? RequestId { get; }

    /// <summary>The <c>Retry-After</c> wait from now, never negative.</summary>
    internal TimeSpan? RetryAfter { get; }

    /// <summary>The body as text (lenient UTF-8; capped and redacted by the transport).</summary>
    internal string? ResponseBody { get; }

    /// <summary>The body parsed as JSON (dates kept as strings), or null when it is not JSON.</summary>
    internal JToken? ResponseJson { get; }

    /// <summary>The classification of <see cref="Status"/>.</summary>
    internal ApiErrorKind Kind => Status is { } status ? ApiErrorKinds.Of(status) : ApiErrorKind.Other;

    /// <summary>Reads the facts of a failed answer.</summary>
    internal static ApiErrorDetails From(BufferedResponse response, TimeProvider timeProvider) =>
        From(response.Status, response, response.Body, timeProvider);

    /// <summary>Reads the facts from a status, the answer's headers and its kept body bytes.</summary>
    internal static ApiErrorDetails From(int status, HttpResponseMessage? response, byte[]? body, TimeProvider timeProvider)
    {
        string? text = body is null || body.Length == 0 ? null : LenientUtf8.GetString(body);
        JToken? json = ParseJson(text);
        return new ApiErrorDetails(
            status,
            CodeOf(json),
            MessageOf(json),
            HeaderRequestId(response) ?? StringAt(json, "request_id") ?? StringAt(json?["error"], "request_id"),
            Shared.Http.RetryAfter.Of(response, timeProvider),
            text,
            json);
    }

    /// <summary>The body parsed as one JSON document (dates kept as strings), or null when it is not JSON.</summary>
    internal static JToken? ParseJson(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
                MaxDepth = 64,
            };
            JToken token = JToken.ReadFrom(reader);
            return reader.Read() ? null : token; // trailing content: not one JSON document
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // {"error":{"code":…}} (OpenAI style), {"error":"code"}, {"code":…}, {"error_code":…}, {"detail":{"code":…}} (FastAPI).
    private static string? CodeOf(JToken? json) =>
        StringAt(json?["error"], "code")
        ?? StringAt(json?["error"], "type")
        ?? StringAt(json, "error")
        ?? StringAt(json, "code")
        ?? StringAt(json, "error_code")
        ?? StringAt(json?["detail"], "code");

    private static string? MessageOf(JToken? json) =>
        StringAt(json?["error"], "message")
        ?? StringAt(json, "message")
        ?? StringAt(json, "detail")
        ?? StringAt(json?["detail"], "message");

    private static string? StringAt(JToken? container, string name) =>
        container is JObject obj && obj[name] is JValue { Type: JTokenType.String, Value: string value } && value.Length is > 0 and <= MaxFieldLength
            ? value
            : null;

    private static string? HeaderRequestId(HttpResponseMessage? response)
    {
        if (response is null)
        {
            return null;
        }

        foreach (string name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out IEnumerable<string>? values)
                && values.FirstOrDefault(v => v.Length is > 0 and <= MaxFieldLength) is { } value)
            {
                return value;
            }
        }

        return null;
    }
}
