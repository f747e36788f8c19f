using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto.Http;

/// <summary>Turns a non-success HTTP answer into the matching <see cref="AttestoException"/>.</summary>
internal static class AttestoErrorMapper
{
    /// <summary>The longest detail text kept in an exception.</summary>
    internal const int MaxDetailChars = 2048;

    /// <summary>Maps a final (non-retried) error answer.</summary>
    /// <param name="method">The request method, for the message.</param>
    /// <param name="path">The request path, for the message.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The (capped) response body text.</param>
    /// <param name="retryAfter">The parsed <c>Retry-After</c> hint, if any.</param>
    /// <param name="credential">The credential to scrub from any echoed text.</param>
    /// <returns>The exception to throw.</returns>
    internal static AttestoException Map(string method, string path, int status, string body, TimeSpan? retryAfter, string? credential)
    {
        JObject? json = TryParseObject(body);
        string detail = Redact(ExtractDetail(json, body), credential);
        string where = $"{method} {path}";
        string suffix = detail.Length == 0 ? string.Empty : ": " + detail;
        return status switch
        {
            401 or 403 => new AttestoAuthException($"Attesto rejected the credentials for {where} (HTTP {status}){suffix}", status, detail),
            426 => new AttestoProtocolMismatchException(
                $"Attesto does not accept protocol {AttestoProtocol.Version} for {where} (HTTP 426){suffix}",
                status,
                detail,
                OptionalText(json?["supported"], credential),
                OptionalText(json?["received"], credential),
                OptionalText(json?["hint"], credential)),
            429 => new AttestoRateLimitException($"Attesto rate limit exceeded for {where} (HTTP 429){suffix}", status, detail, retryAfter),
            >= 400 and < 500 => new AttestoValidationException($"Attesto rejected {where} (HTTP {status}){suffix}", status, detail),
            >= 500 => new AttestoServerException($"Attesto failed to handle {where} (HTTP {status}) on every attempt{suffix}", status, detail),
            _ => new AttestoException($"Attesto answered {where} with unexpected HTTP status {status}{suffix}", status, detail),
        };
    }

    /// <summary>Replaces every occurrence of the credential with a marker.</summary>
    internal static string Redact(string text, string? credential) =>
        Shared.Http.SecretRedaction.Redact(text, credential);

    private static string ExtractDetail(JObject? json, string body)
    {
        JToken? detail = json?["detail"] ?? json?["error"] ?? json?["message"];
        string text = detail is null ? body.Trim() : TextOf(detail);
        return text.Length <= MaxDetailChars ? text : text[..MaxDetailChars] + "…";
    }

    private static string? OptionalText(JToken? token, string? credential)
    {
        string text = TextOf(token);
        return text.Length == 0 ? null : Redact(text, credential);
    }

    private static string TextOf(JToken? token) => token switch
    {
        null => string.Empty,
        JValue { Type: JTokenType.String } value => (string)value!,
        JValue { Type: JTokenType.Null } => string.Empty,
        _ => token.ToString(Newtonsoft.Json.Formatting.None),
    };

    private static JObject? TryParseObject(string body)
    {
        if (body.Length == 0 || body.TrimStart() is not ['{', ..])
        {
            return null;
        }

        try
        {
            return CanonicalJson.Parse(body, AttestoCanonicalJson.Options) as JObject;
        }
        catch (CanonicalJsonException)
        {
            return null;
        }
    }
}
