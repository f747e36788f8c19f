using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>
/// The gateway answered with a non-2xx status, or with 202 on a certificate endpoint (the
/// certificate is not assembled yet), or a non-2xx body exceeded the size cap. A 2xx answer
/// never raises this type (see <see cref="LucairnResponseValidationException"/>).
/// </summary>
public class LucairnHttpException : LucairnException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="body">The response body: a <see cref="JToken"/> when it parsed as JSON, else the text.</param>
    public LucairnHttpException(string message, int status, object? body) : base(message)
    {
        Status = status;
        Body = body;
    }

    /// <summary>Creates the exception with the cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="body">The response body: a <see cref="JToken"/> when it parsed as JSON, else the text.</param>
    /// <param name="innerException">The underlying error.</param>
    public LucairnHttpException(string message, int status, object? body, Exception? innerException) : base(message, innerException)
    {
        Status = status;
        Body = body;
    }

    /// <summary>The HTTP status code the gateway answered with.</summary>
    public int Status { get; }

    /// <summary>
    /// The response body as the gateway sent it: a <see cref="JToken"/> when it parsed as JSON,
    /// otherwise the body text (an over-cap body is the kept prefix). Treat it as untrusted.
    /// </summary>
    public object? Body { get; }

    /// <summary>The body when it parsed as JSON, else null.</summary>
    public JToken? BodyJson => Body as JToken;
}
