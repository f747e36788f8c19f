using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>HTTP 429: too many requests (upstream <c>RateLimitError</c>); retried automatically, honouring <c>Retry-After</c>.</summary>
public class NomyoRateLimitException : NomyoApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status (429).</param>
    /// <param name="errorDetails">The server's JSON error body, or null.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c> hint, or null.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public NomyoRateLimitException(string message, int? statusCode = 429, JObject? errorDetails = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, statusCode, errorDetails, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the server asked to wait (<c>Retry-After</c>), or null when it did not say.</summary>
    public TimeSpan? RetryAfter { get; }
}
