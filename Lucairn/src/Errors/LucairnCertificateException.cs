namespace Lucairn;

/// <summary>
/// Certificate verification failed (fail closed). <see cref="Reason"/> says why, with the
/// upstream reason string in <see cref="ReasonCode"/>. <see cref="CertificateId"/> is whatever
/// the certificate claimed and is <b>not</b> verified on any failure path.
/// </summary>
public class LucairnCertificateException : LucairnException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="reason">Why verification failed.</param>
    public LucairnCertificateException(string message, VerifyCertificateFailureReason reason)
        : this(message, reason, certificateId: null, innerException: null)
    {
    }

    /// <summary>Creates the exception with the certificate's (unverified) id.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="reason">Why verification failed.</param>
    /// <param name="certificateId">The certificate's claimed id, or null when it had none.</param>
    public LucairnCertificateException(string message, VerifyCertificateFailureReason reason, string? certificateId)
        : this(message, reason, certificateId, innerException: null)
    {
    }

    /// <summary>Creates the exception with the certificate's (unverified) id and the cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="reason">Why verification failed.</param>
    /// <param name="certificateId">The certificate's claimed id, or null when it had none.</param>
    /// <param name="innerException">The underlying error.</param>
    public LucairnCertificateException(string message, VerifyCertificateFailureReason reason, string? certificateId, Exception? innerException)
        : base(message, innerException)
    {
        Reason = reason;
        CertificateId = certificateId;
    }

    /// <summary>Why verification failed.</summary>
    public VerifyCertificateFailureReason Reason { get; }

    /// <summary>The upstream reason string, e.g. <c>invalid_signature</c>.</summary>
    public string ReasonCode => Reason.ToWireName();

    /// <summary>The certificate's claimed id (unverified), or null when it had none or the input was not an object.</summary>
    public string? CertificateId { get; }
}
