namespace Nomyo.Http;

/// <summary>Checks and normalises router base URLs (spec §5, hardened per §12a.9).</summary>
internal static class BaseUrl
{
    /// <summary>The URL as text without a trailing <c>/</c>.</summary>
    /// <exception cref="NomyoValidationException">Null, not an absolute http(s) URL, with a query or fragment, or <c>http://</c> without <paramref name="allowHttp"/>.</exception>
    internal static string Normalize(Uri? url, bool allowHttp, string paramName)
    {
        if (url is null)
        {
            throw NomyoValidationException.For(paramName, "must not be null.");
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            throw NomyoValidationException.For(paramName, $"must be an absolute https:// URL without query or fragment; got '{url.OriginalString}'.");
        }

        if (url.Scheme == Uri.UriSchemeHttp && !allowHttp)
        {
            throw NomyoValidationException.For(
                paramName,
                $"'{url.OriginalString}' uses plain HTTP: the API key and the server key would travel unprotected. Use https://, or set NomyoClientOptions.AllowHttp = true for local development only.");
        }

        return url.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
