using Lucairn;

namespace TheVeil;

/// <summary>The pre-rename name of the configuration error, now <see cref="LucairnValidationException"/>.</summary>
[Obsolete("TheVeil was renamed to Lucairn: use Lucairn.LucairnValidationException.")]
public class TheVeilConfigException : LucairnValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="paramName">The argument or option at fault, or null.</param>
    /// <param name="innerException">The cause, or null.</param>
    public TheVeilConfigException(string message, string? paramName = null, Exception? innerException = null) : base(message, paramName, innerException)
    {
    }
}
