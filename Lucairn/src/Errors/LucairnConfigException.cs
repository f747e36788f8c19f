namespace Lucairn;

/// <summary>
/// Bad configuration or per-call input: an invalid <see cref="LucairnConfig"/>, an invalid
/// request id, option, header or request model. Raised before anything is sent.
/// </summary>
public class LucairnConfigException : LucairnException
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was wrong and where.</param>
    public LucairnConfigException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    /// <param name="message">What was wrong and where.</param>
    /// <param name="innerException">The underlying error.</param>
    public LucairnConfigException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
