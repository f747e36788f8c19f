using Lucairn;

namespace TheVeil;

/// <summary>The pre-rename name of <see cref="LucairnTimeoutException"/>.</summary>
[Obsolete("TheVeil was renamed to Lucairn: use Lucairn.LucairnTimeoutException.")]
public class TheVeilTimeoutException : LucairnTimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What timed out.</param>
    /// <param name="retryAfter">The last wait the gateway asked for, or null.</param>
    /// <param name="innerException">The cause, or null.</param>
    public TheVeilTimeoutException(string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, retryAfter: retryAfter, innerException: innerException)
    {
    }
}
