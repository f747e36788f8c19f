namespace Shared.Http;

/// <summary>
/// The one rule for an id that becomes a URL path segment, for every vendor. Refit
/// percent-encodes the value (so <c>/</c>, <c>?</c>, <c>#</c>, <c>%</c>, spaces and non-ASCII
/// never reach the path raw), but the URI layer collapses the dot segments <c>.</c> and
/// <c>..</c> into a different endpoint with the credentials attached, and control characters or
/// unpaired surrogates cannot be sent faithfully. Those are refused before anything is sent.
/// </summary>
internal static class PathSegmentId
{
    /// <summary>Why <paramref name="value"/> cannot be a path segment, or null when it can.</summary>
    /// <param name="value">The id.</param>
    /// <param name="name">The parameter name, which every message starts with.</param>
    internal static string? Problem(string? value, string name)
    {
        if (value is null)
        {
            return $"{name} is required (got null).";
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{name} must not be empty or whitespace.";
        }

        if (value is "." or "..")
        {
            return $"{name} must not be '.' or '..' (a dot segment would change the request path).";
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsControl(c))
            {
                return $"{name} contains a control character at index {i}.";
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"{name} contains an unpaired surrogate at index {i}.";
            }
        }

        return null;
    }

    /// <summary>Returns <paramref name="value"/> when it can be a path segment; otherwise throws what <paramref name="error"/> makes of the message.</summary>
    internal static string Require(string? value, string name, Func<string, Exception> error) =>
        Problem(value, name) is { } problem ? throw error(problem) : value!;
}
