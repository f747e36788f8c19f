using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>HTTP 401: the API key is missing, wrong or revoked (upstream <c>AuthenticationError</c>).</summary>
public class NomyoAuthenticationException : NomyoApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status (401 unless the server used another code for the same meaning), or null when raised locally.</param>
    /// <param name="errorDetails">The server's JSON error body, or null.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public NomyoAuthenticationException(string message, int? statusCode = 401, JObject? errorDetails = null, Exception? innerException = null)
        : base(message, statusCode, errorDetails, innerException)
    {
    }
}
