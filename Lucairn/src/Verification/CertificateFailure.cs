namespace Lucairn;

/// <summary>Builds the <see cref="LucairnCertificateException"/>s of the pipeline.</summary>
internal static class CertificateFailure
{
    internal static LucairnCertificateException Malformed(string message, string? certificateId, Exception? cause = null) =>
        Create(VerifyCertificateFailureReason.Malformed, message, certificateId, cause);

    internal static LucairnCertificateException Create(VerifyCertificateFailureReason reason, string message, string? certificateId, Exception? cause = null) =>
        new($"Certificate verification failed ({reason.ToWireName()}): {message}", reason, certificateId, cause);
}
