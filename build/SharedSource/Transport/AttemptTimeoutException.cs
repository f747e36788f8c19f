using System.Globalization;

namespace Shared.Http;

/// <summary>One attempt (send and body read) ran past the per-attempt limit; the vendor policy decides whether it is retried.</summary>
internal sealed class AttemptTimeoutException : Exception
{
    internal AttemptTimeoutException(TimeSpan timeout, Exception innerException)
        : base(string.Create(CultureInfo.InvariantCulture, $"The attempt did not complete within {timeout.TotalSeconds:0.###} s."), innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The per-attempt limit that was exceeded.</summary>
    internal TimeSpan Timeout { get; }
}
