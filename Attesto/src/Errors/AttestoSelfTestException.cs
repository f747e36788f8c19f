namespace Attesto;

/// <summary>
/// The SDK's built-in self-test found that this installation does not reproduce the embedded
/// conformance vectors (a corrupted or tampered install, or a broken platform primitive).
/// No evidence is produced or verified while this is the case.
/// </summary>
public class AttestoSelfTestException : AttestoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which vector diverged and how.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public AttestoSelfTestException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
