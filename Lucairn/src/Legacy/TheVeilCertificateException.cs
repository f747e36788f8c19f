using Lucairn;

namespace TheVeil;

/// <summary>The pre-rename name of <see cref="LucairnCertificateException"/>.</summary>
[Obsolete("TheVeil was renamed to Lucairn: use Lucairn.LucairnCertificateException.")]
public class TheVeilCertificateException : LucairnCertificateException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why verification failed.</param>
    /// <param name="reason">The failure reason.</param>
    /// <param name="certificateId">The (unverified) certificate id, or null.</param>
    /// <param name="innerException">The cause, or null.</param>
    public TheVeilCertificateException(string message, VerifyCertificateFailureReason reason, string? certificateId, Exception? innerException)
        : base(message, reason, certificateId, innerException)
    {
    }
}
