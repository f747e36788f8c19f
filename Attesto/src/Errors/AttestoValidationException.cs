namespace Attesto;

/// <summary>
/// A caller mistake, found before anything was sent: a constructor argument, an option, a
/// dependency-injection setting or a per-call argument (an empty id, a batch of 1001 events, …).
/// <see cref="ParamName"/> names the argument or option and the message starts with it. A service
/// answer is never a validation exception (see <see cref="AttestoApiException"/>).
/// </summary>
public class AttestoValidationException : AttestoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong, starting with the argument or option name.</param>
    /// <param name="paramName">The argument or option, e.g. <c>options.BaseUrl</c> or <c>streamId</c>; null when there is no single one.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public AttestoValidationException(string message, string? paramName = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ParamName = paramName;
    }

    /// <summary>The argument or option that was wrong (e.g. <c>options.ApiKey</c>, <c>events[3].type</c>), or null.</summary>
    public string? ParamName { get; }
}
