namespace Shared.Http;

/// <summary>
/// A caller-supplied <see cref="HttpClient"/> followed a redirect to another origin by itself. The SDK never follows
/// redirects (its own handlers and the DI registrations set <c>AllowAutoRedirect = false</c>); the
/// vendor transport maps this to its typed error and never retries it.
/// </summary>
internal sealed class RedirectRefusedException : Exception
{
    internal RedirectRefusedException(Uri requested, Uri answeredBy)
        : base($"the HttpClient followed a redirect from {requested.GetLeftPart(UriPartial.Path)} to another origin ({answeredBy.GetLeftPart(UriPartial.Authority)}); "
            + "redirects are refused (configure the client's handler with AllowAutoRedirect = false, so a 3xx is reported instead of followed)")
    {
    }
}
