namespace Lucairn.Http;

/// <summary>Checks request ids before they become a path segment.</summary>
internal static class RequestIds
{
    /// <summary>
    /// Accepts a request id that Refit can percent-encode as exactly one path segment. Null,
    /// empty, <c>.</c> and <c>..</c> (dot segments the URI layer would collapse into a different
    /// path) and ids with control characters or lone surrogates are rejected; everything else is
    /// sent percent-encoded (<c>/</c>, <c>?</c>, <c>#</c>, spaces and non-ASCII never reach the path raw).
    /// </summary>
    internal static string Validate(string? requestId)
    {
        if (requestId is null)
        {
            throw new LucairnConfigException("request_id must be a string, got null.");
        }

        if (requestId.Length == 0)
        {
            throw new LucairnConfigException("request_id must not be empty.");
        }

        if (requestId is "." or "..")
        {
            throw new LucairnConfigException("request_id must not be '.' or '..' (a dot segment would change the request path).");
        }

        TextRules.RequireUrlSafe(requestId, "request_id");
        return requestId;
    }
}
