using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>
/// The gateway answered 2xx but the body is unusable: wrong shape, not JSON where JSON was
/// expected, the literal <c>null</c>, or larger than <see cref="LucairnClientOptions.MaxResponseBytes"/>.
/// Deliberately not a <see cref="LucairnApiException"/>: the call itself succeeded.
/// </summary>
public class LucairnResponseValidationException : LucairnException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong with the body.</param>
    /// <param name="body">The body: a <see cref="JToken"/> when it parsed as JSON, else the text.</param>
    public LucairnResponseValidationException(string message, object? body) : base(message)
    {
        Body = body;
    }

    /// <summary>Creates the exception with the cause.</summary>
    /// <param name="message">What was wrong with the body.</param>
    /// <param name="body">The body: a <see cref="JToken"/> when it parsed as JSON, else the text.</param>
    /// <param name="innerException">The deserialisation error.</param>
    public LucairnResponseValidationException(string message, object? body, Exception? innerException) : base(message, innerException)
    {
        Body = body;
    }

    /// <summary>
    /// The body: a <see cref="JToken"/> when it parsed as JSON, otherwise the text. A literal
    /// JSON <c>null</c> body is reported as the text <c>"null"</c>.
    /// </summary>
    public object? Body { get; }

    /// <summary>The body when it parsed as JSON, else null.</summary>
    public JToken? BodyJson => Body as JToken;
}
