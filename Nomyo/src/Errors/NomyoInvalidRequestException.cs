using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>
/// HTTP 400 (upstream <c>InvalidRequestError</c>), or a request the SDK refused before sending
/// because the server would reject it or it is unsafe (for example <c>stream = true</c>, an
/// unknown security tier, an empty per-call API key, or a payload over 10,485,760 bytes); then
/// <see cref="NomyoApiException.StatusCode"/> is null.
/// </summary>
public class NomyoInvalidRequestException : NomyoApiException
{
    /// <summary>Creates the exception for a request the SDK refused locally.</summary>
    /// <param name="message">What was wrong and where.</param>
    public NomyoInvalidRequestException(string message)
        : base(message, statusCode: null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status (400), or null when raised locally.</param>
    /// <param name="errorDetails">The server's JSON error body, or null.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public NomyoInvalidRequestException(string message, int? statusCode, JObject? errorDetails = null, Exception? innerException = null)
        : base(message, statusCode, errorDetails, innerException)
    {
    }
}
