using System.Collections.Specialized;

namespace Shared.Http;

/// <summary>An HTTP request as an emulator handler sees it, whether it came over a socket or in-process.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="RawPath">The path exactly as sent, still percent-encoded, without the query.</param>
/// <param name="Query">The decoded query parameters.</param>
/// <param name="Headers">The request headers (case-insensitive names).</param>
/// <param name="Body">The request body (empty when none).</param>
internal sealed record EmulatorRequest(string Method, string RawPath, NameValueCollection Query, NameValueCollection Headers, byte[] Body)
{
    /// <summary>A header value, or null.</summary>
    internal string? Header(string name) => Headers[name];

    /// <summary>The bearer token of the Authorization header, or null.</summary>
    internal string? BearerToken
    {
        get
        {
            string? value = Headers["Authorization"];
            const string Prefix = "Bearer ";
            return value is not null && value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? value[Prefix.Length..].Trim() : null;
        }
    }

    /// <summary>The body as UTF-8 text.</summary>
    internal string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>Splits a query string into decoded parameters.</summary>
    internal static NameValueCollection ParseQuery(string? query)
    {
        var result = new NameValueCollection(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(query))
        {
            return result;
        }

        foreach (string pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            string key = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
            string value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            result.Add(key, value);
        }

        return result;
    }
}
