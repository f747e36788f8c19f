using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>HTTP 403: the key may not use this model or security tier (upstream <c>ForbiddenError</c>).</summary>
public class NomyoForbiddenException : NomyoApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status (403 unless the server used another code for the same meaning), or null when raised locally.</param>
    /// <param name="errorDetails">The server's JSON error body, or null.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public NomyoForbiddenException(string message, int? statusCode = 403, JObject? errorDetails = null, Exception? innerException = null)
        : base(message, statusCode, errorDetails, innerException)
    {
    }
}
