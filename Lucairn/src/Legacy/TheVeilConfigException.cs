using Lucairn;

namespace TheVeil;

/// <summary>The pre-rename name of <see cref="LucairnConfigException"/>.</summary>
[Obsolete("TheVeil was renamed to Lucairn: use Lucairn.LucairnConfigException.")]
public class TheVeilConfigException : LucairnConfigException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause, or null.</param>
    public TheVeilConfigException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
