using Lucairn;

namespace TheVeil;

/// <summary>The pre-rename name of <see cref="LucairnResponseValidationException"/>.</summary>
[Obsolete("TheVeil was renamed to Lucairn: use Lucairn.LucairnResponseValidationException.")]
public class TheVeilResponseValidationException : LucairnResponseValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong with the body.</param>
    /// <param name="body">The body (JSON token or text).</param>
    /// <param name="innerException">The cause, or null.</param>
    public TheVeilResponseValidationException(string message, object? body, Exception? innerException) : base(message, body, innerException)
    {
    }
}
