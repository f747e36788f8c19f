namespace Lucairn;

/// <summary>
/// Base class of every error the Lucairn SDK raises. A plain <see cref="LucairnException"/>
/// (not a subclass) means a transport failure other than a timeout; the cause is kept as
/// <see cref="Exception.InnerException"/>. Messages never contain the API key.
/// </summary>
public class LucairnException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public LucairnException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    public LucairnException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
