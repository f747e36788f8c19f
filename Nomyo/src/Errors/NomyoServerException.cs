using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>HTTP 500: the server failed while processing the request (upstream <c>ServerError</c>). Not retried by default, since the inference may already have run.</summary>
public class NomyoServerException : NomyoApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status (500 unless the server used another code for the same meaning), or null when raised locally.</param>
    /// <param name="errorDetails">The server's JSON error body, or null.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public NomyoServerException(string message, int? statusCode = 500, JObject? errorDetails = null, Exception? innerException = null)
        : base(message, statusCode, errorDetails, innerException)
    {
    }
}
