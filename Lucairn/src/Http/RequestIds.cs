using Shared.Http;

namespace Lucairn.Http;

/// <summary>Checks request ids before they become a path segment (the shared <see cref="PathSegmentId"/> rule).</summary>
internal static class RequestIds
{
    /// <summary>
    /// Accepts a request id that Refit can percent-encode as exactly one path segment: null, empty,
    /// <c>.</c> and <c>..</c> (dot segments the URI layer would collapse into a different path) and
    /// ids with control characters or lone surrogates are rejected; everything else is sent
    /// percent-encoded (<c>/</c>, <c>?</c>, <c>#</c>, spaces and non-ASCII never reach the path raw).
    /// </summary>
    internal static string Validate(string? requestId) =>
        PathSegmentId.Require(requestId, "requestId", static message => new LucairnValidationException(message.Replace("requestId", "requestId (request_id)", StringComparison.Ordinal), "requestId"));
}
