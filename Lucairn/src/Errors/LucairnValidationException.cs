namespace Lucairn;

/// <summary>
/// A caller mistake, found before anything is sent: an invalid <see cref="LucairnClientOptions"/>
/// or constructor argument, or an invalid per-call argument (request id, option, header, request
/// model, verification keys). <see cref="ParamName"/> names the argument or option and the message
/// starts with it.
/// </summary>
public class LucairnValidationException : LucairnException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong; starts with <paramref name="paramName"/> when there is one.</param>
    /// <param name="paramName">The argument or option at fault (for example <c>options.BaseUrl</c> or <c>requestId</c>), or null.</param>
    /// <param name="innerException">The underlying error, or null.</param>
    public LucairnValidationException(string message, string? paramName = null, Exception? innerException = null) : base(message, innerException)
    {
        ParamName = paramName;
    }

    /// <summary>The argument or option at fault (for example <c>options.ApiKey</c>, <c>requestId</c>, <c>request.Context</c>), or null.</summary>
    public string? ParamName { get; }
}
