using Lucairn;

namespace TheVeil;

/// <summary>
/// The pre-rename name of <see cref="LucairnException"/>. <see cref="TheVeilClient"/> throws only
/// TheVeil* exceptions; each derives from its Lucairn counterpart, so <c>catch (LucairnException)</c>
/// still catches everything. C# has no type aliases across assemblies: this class catches only
/// plain transport failures, so catch <see cref="LucairnException"/> to catch every error.
/// </summary>
[Obsolete("TheVeil was renamed to Lucairn: use Lucairn.LucairnException.")]
public class TheVeilException : LucairnException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause, or null.</param>
    public TheVeilException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}

/// <summary>The pre-rename name of <see cref="LucairnConfigException"/>.</summary>
[Obsolete("TheVeil was renamed to Lucairn: use Lucairn.LucairnConfigException.")]
public class TheVeilConfigException : LucairnConfigException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause, or null.</param>
    public TheVeilConfigException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}

/// <summary>The pre-rename name of <see cref="LucairnHttpException"/>.</summary>
[Obsolete("TheVeil was renamed to Lucairn: use Lucairn.LucairnHttpException.")]
public class TheVeilHttpException : LucairnHttpException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The body (JSON token or text).</param>
    /// <param name="innerException">The cause, or null.</param>
    public TheVeilHttpException(string message, int status, object? body, Exception? innerException) : base(message, status, body, innerException)
    {
    }
}

/// <summary>The pre-rename name of <see cref="LucairnTimeoutException"/>.</summary>
[Obsolete("TheVeil was renamed to Lucairn: use Lucairn.LucairnTimeoutException.")]
public class TheVeilTimeoutException : LucairnTimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What timed out.</param>
    /// <param name="innerException">The cause, or null.</param>
    public TheVeilTimeoutException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}

/// <summary>The pre-rename name of <see cref="LucairnResponseValidationException"/>.</summary>
[Obsolete("TheVeil was renamed to Lucairn: use Lucairn.LucairnResponseValidationException.")]
public class TheVeilResponseValidationException : LucairnResponseValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong with the body.</param>
    /// <param name="body">The body (JSON token or text).</param>
    /// <param name="innerException">The cause, or null.</param>
    public TheVeilResponseValidationException(string message, object? body, Exception? innerException) : base(message, body, innerException)
    {
    }
}

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
