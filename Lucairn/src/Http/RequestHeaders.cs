namespace Lucairn.Http;

/// <summary>Builds the request headers of spec §3: caller headers lower-cased, then the SDK's own headers win.</summary>
internal static class RequestHeaders
{
    internal const string ApiKeyHeader = "x-api-key";
    internal const string ContentTypeHeader = "content-type";
    internal const string JsonContentType = "application/json";

    internal static Dictionary<string, string> Build(IDictionary<string, string>? callerHeaders, string apiKey)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (callerHeaders is not null)
        {
            foreach (var (name, value) in callerHeaders)
            {
                Validate(name, value);
                headers[name.ToLowerInvariant()] = value;
            }
        }

        headers[ApiKeyHeader] = apiKey;
        headers[ContentTypeHeader] = JsonContentType;
        return headers;
    }

    private static void Validate(string? name, string? value)
    {
        if (string.IsNullOrEmpty(name) || !name.All(IsTokenChar))
        {
            throw Invalid($"options.Headers: header name '{name}' is not a valid HTTP header name (token characters only).");
        }

        if (value is null)
        {
            throw Invalid($"options.Headers: the value of header '{name}' must not be null.");
        }

        // The value is never echoed: it may be a secret.
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw Invalid($"options.Headers: the value of header '{name}' contains CR, LF or NUL.");
        }

        if (value.Any(c => c is < ' ' and not '\t' or > '~'))
        {
            throw Invalid($"options.Headers: the value of header '{name}' must be printable ASCII.");
        }
    }

    private static LucairnValidationException Invalid(string message) => new(message, "options.Headers");

    private static bool IsTokenChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
