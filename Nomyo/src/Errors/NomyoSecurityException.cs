namespace Nomyo;

/// <summary>
/// A cryptographic, key or protocol-integrity failure (upstream <c>SecurityError</c>).
/// <see cref="Reason"/> says which check failed (switch on it, not on the message): the response
/// did not decrypt or authenticate, announced another version or algorithm (a possible
/// downgrade), was malformed or answered another request, the server key did not match the pin
/// or is too weak, or a key file could not be read or written. Never retried. Fail-closed: no
/// partial result is returned.
/// </summary>
public class NomyoSecurityException : NomyoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Which check failed.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public NomyoSecurityException(NomyoSecurityReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Which check failed (stable across versions).</summary>
    public NomyoSecurityReason Reason { get; }

    /// <summary>The <see cref="Reason"/> in snake_case for logs and metrics, e.g. <c>pin_mismatch</c>.</summary>
    public string ReasonCode => Reason.ToCode();
}
