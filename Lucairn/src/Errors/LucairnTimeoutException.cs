namespace Lucairn;

/// <summary>A request did not complete within the configured or per-call timeout.</summary>
public class LucairnTimeoutException : LucairnException
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What timed out (the message names the timeout in seconds).</param>
    public LucairnTimeoutException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    /// <param name="message">What timed out.</param>
    /// <param name="innerException">The underlying cancellation or timeout error.</param>
    public LucairnTimeoutException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
