using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Nomyo.Http;
using Shared.Crypto;

namespace Nomyo;

/// <summary>Maps a non-200 answer to the typed exception and message of spec §7.1.</summary>
internal static class StatusErrorMapper
{
    private const int MaxDetailLength = 1024;

    /// <summary>The exception for <paramref name="result"/>.</summary>
    /// <param name="result">The answer.</param>
    /// <param name="context">A prefix naming the operation (for the key fetch), or null.</param>
    internal static NomyoApiException Map(HttpResult result, string? context = null)
    {
        JObject? details = ReadDetails(result.Body);
        string? detail = DetailOf(details);
        int status = result.Status;
        string Text(string prefix, string fallback) => Prefix(context) + prefix + (detail ?? fallback);
        return status switch
        {
            400 => new NomyoInvalidRequestException(Text("Bad request: ", "Invalid response format"), status, details),
            401 => new NomyoAuthenticationException(Text(string.Empty, "Invalid API key or authentication failed"), status, details),
            403 => new NomyoForbiddenException(Text("Forbidden: ", "Model not allowed for the requested security tier"), status, details),
            404 => new NomyoApiException(Text("Endpoint not found: ", "Secure inference not enabled"), status, details),
            429 => new NomyoRateLimitException(Text("Rate limit exceeded: ", "Too many requests"), status, details, result.RetryAfter),
            500 => new NomyoServerException(Text("Server error: ", "Internal server error"), status, details),
            503 => new NomyoServiceUnavailableException(Text("Service unavailable: ", "Inference backend is unavailable"), status, details),
            _ => new NomyoApiException(Text($"Unexpected status code: {status} ", "unknown"), status, details),
        };
    }

    private static string Prefix(string? context) => context is null ? string.Empty : context + ": ";

    private static JObject? ReadDetails(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return NomyoJson.Parse(body) as JObject;
        }
        catch (CanonicalJsonException)
        {
            return null;
        }
    }

    private static string? DetailOf(JObject? details)
    {
        string? text = details?["detail"] switch
        {
            null or { Type: JTokenType.Null } => null,
            { Type: JTokenType.String } value => (string?)value,
            var other => other.ToString(Formatting.None),
        };
        return text is { Length: > MaxDetailLength } ? text[..MaxDetailLength] + "…" : text;
    }
}
