using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>HTTP 503: the inference backend is unavailable (upstream <c>ServiceUnavailableError</c>); retried automatically.</summary>
public class NomyoServiceUnavailableException : NomyoApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status (503 unless the server used another code for the same meaning), or null when raised locally.</param>
    /// <param name="errorDetails">The server's JSON error body, or null.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public NomyoServiceUnavailableException(string message, int? statusCode = 503, JObject? errorDetails = null, Exception? innerException = null)
        : base(message, statusCode, errorDetails, innerException)
    {
    }
}
