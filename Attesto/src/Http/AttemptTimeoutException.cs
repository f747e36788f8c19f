namespace Attesto.Http;

/// <summary>One HTTP attempt ran past <see cref="AttestoClientOptions.Timeout"/>; retried like a transport error.</summary>
internal sealed class AttemptTimeoutException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="timeout">The per-attempt limit that was exceeded.</param>
    /// <param name="innerException">The cancellation that ended the attempt.</param>
    internal AttemptTimeoutException(TimeSpan timeout, Exception innerException)
        : base($"The attempt did not complete within {timeout.TotalSeconds:0.###} s.", innerException)
    {
    }
}
