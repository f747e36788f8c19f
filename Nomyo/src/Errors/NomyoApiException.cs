using Newtonsoft.Json.Linq;

namespace Nomyo;

/// <summary>
/// The server answered with an error status (upstream <c>APIError</c>), or the request was
/// rejected locally before sending for a reason the server would also reject it for (then
/// <see cref="StatusCode"/> is null). Subclasses name the common statuses.
/// </summary>
public class NomyoApiException : NomyoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status, or null when the error was raised locally.</param>
    /// <param name="errorDetails">The server's JSON error body when it was a JSON object; otherwise null.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public NomyoApiException(string message, int? statusCode = null, JObject? errorDetails = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorDetails = errorDetails;
    }

    /// <summary>The HTTP status, or null when the error was raised locally before sending.</summary>
    public int? StatusCode { get; }

    /// <summary>The server's JSON error body (for example <c>{"detail": "..."}</c>), or null.</summary>
    public JObject? ErrorDetails { get; }
}
