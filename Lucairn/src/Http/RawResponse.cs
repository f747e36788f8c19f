using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;
using Shared.Crypto;
using Shared.Http;

namespace Lucairn.Http;

/// <summary>A gateway answer after the bounded read: status, the kept body bytes and whether the cap was hit.</summary>
internal sealed class RawResponse
{
    private static readonly UTF8Encoding Utf8Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    internal RawResponse(string operation, int status, string reasonPhrase, byte[] body, bool overCap, ApiErrorDetails? errorDetails)
    {
        Operation = operation;
        Status = status;
        ReasonPhrase = reasonPhrase;
        Body = body;
        OverCap = overCap;
        ErrorDetails = errorDetails;
        Text = Utf8Lenient.GetString(body);
    }

    /// <summary>The public operation that made the call (it starts every error message).</summary>
    internal string Operation { get; }

    internal int Status { get; }

    internal string ReasonPhrase { get; }

    /// <summary>The body bytes read (at most the cap).</summary>
    internal byte[] Body { get; }

    /// <summary>True when the body was longer than the cap and only a prefix was kept.</summary>
    internal bool OverCap { get; }

    /// <summary>The facts an error needs (status, code, request id, Retry-After, body), read for every answer that is not a plain 2xx; else null.</summary>
    internal ApiErrorDetails? ErrorDetails { get; }

    /// <summary>The body decoded as UTF-8, invalid sequences replaced by U+FFFD.</summary>
    internal string Text { get; }

    internal bool IsSuccess => Status is >= 200 and <= 299;

    /// <summary>
    /// The body as the error types carry it: the parsed JSON when there is one, else the text
    /// (an empty body stays <c>""</c>).
    /// </summary>
    internal object BodyOrText(JToken? json) => json ?? (object)Text;

    /// <summary>The body parsed as JSON, or null when empty or not JSON.</summary>
    internal JToken? TryParseJson()
    {
        if (Text.Length == 0)
        {
            return null;
        }

        try
        {
            return CanonicalJson.Parse(Text, LucairnCanonicalJson.Options);
        }
        catch (Exception ex) when (ex is CryptoException or Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Raises the cap error: a validation error for 2xx, an API error otherwise (spec §3).</summary>
    internal void ThrowIfOverCap(long cap)
    {
        if (!OverCap)
        {
            return;
        }

        string message = string.Create(CultureInfo.InvariantCulture, $"response body exceeded max_response_bytes cap of {cap}");
        if (IsSuccess)
        {
            throw new LucairnResponseValidationException(message, Text);
        }

        throw Error(message);
    }

    /// <summary>Raises the family subclass of <see cref="LucairnApiException"/> for any non-2xx status.</summary>
    internal void ThrowIfNotSuccess()
    {
        if (!IsSuccess)
        {
            throw Error(detail: null);
        }
    }

    /// <summary>The API error for this answer (the mapper picks the subclass from the status).</summary>
    internal LucairnApiException Error(string? detail, TimeSpan? retryAfter = null) =>
        LucairnErrorMapper.FromResponse(Operation, Details(), detail, ReasonPhrase, retryAfter);

    private ApiErrorDetails Details() =>
        ErrorDetails ?? ApiErrorDetails.From(Status, response: null, Body, TimeProvider.System);
}
