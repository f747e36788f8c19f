using Lucairn;

namespace TheVeil;

/// <summary>The pre-rename name of <see cref="LucairnHttpException"/>.</summary>
[Obsolete("TheVeil was renamed to Lucairn: use Lucairn.LucairnHttpException.")]
public class TheVeilHttpException : LucairnHttpException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The body (JSON token or text).</param>
    /// <param name="innerException">The cause, or null.</param>
    public TheVeilHttpException(string message, int status, object? body, Exception? innerException) : base(message, status, body, innerException)
    {
    }
}
