namespace Nomyo.Http;

/// <summary>Checks and normalises router base URLs (spec §5, hardened per §12a.9).</summary>
internal static class BaseUrl
{
    /// <summary>The URL without a trailing <c>/</c>.</summary>
    /// <exception cref="ArgumentException">Not an absolute http(s) URL, or it has a query or fragment.</exception>
    /// <exception cref="NomyoSecurityException"><c>http://</c> without <paramref name="allowHttp"/>.</exception>
    internal static string Normalize(string url, bool allowHttp, string paramName)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out Uri? uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new ArgumentException($"{paramName} must be an absolute https:// URL without query or fragment; got '{url}'.", paramName);
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !allowHttp)
        {
            throw new NomyoSecurityException(
                $"{paramName} '{url}' uses plain HTTP: the API key and the server key would travel unprotected. Use https://, or set NomyoClientOptions.AllowHttp = true for local development only.");
        }

        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
