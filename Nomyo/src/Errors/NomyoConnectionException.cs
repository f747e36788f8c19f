namespace Nomyo;

/// <summary>
/// The server could not be reached, the connection broke, or the request timed out (upstream
/// <c>APIConnectionError</c>). Connection failures are retried before this is raised; a
/// timeout is not retried because the inference may still be running.
/// </summary>
public class NomyoConnectionException : NomyoException
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public NomyoConnectionException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    public NomyoConnectionException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
