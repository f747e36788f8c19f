using Lucairn;

namespace TheVeil;

#pragma warning disable CS0618 // The legacy shim maps to its own obsolete types on purpose.

/// <summary>
/// Maps a Lucairn exception to its TheVeil-named twin (same message, status, code, request id,
/// wait, body, reason and cause). Every API error with a status becomes <see cref="TheVeilHttpException"/>
/// (the legacy client has no per-status subclasses: use <see cref="LucairnClient"/> for those);
/// a connection failure becomes a plain <see cref="TheVeilException"/>, as before.
/// </summary>
internal static class LegacyErrors
{
    internal static LucairnException Translate(LucairnException error) => error switch
    {
        TheVeilException or TheVeilConfigException or TheVeilHttpException or TheVeilTimeoutException
            or TheVeilResponseValidationException or TheVeilCertificateException => error,
        LucairnTimeoutException timeout => new TheVeilTimeoutException(timeout.Message, timeout.RetryAfter, timeout.InnerException),
        LucairnConnectionException connection => new TheVeilException(connection.Message, connection.InnerException),
        LucairnApiException api => new TheVeilHttpException(api.Message, api.Status, api.ErrorCode, api.RequestId, api.RetryAfter, api.ResponseBody, api.InnerException),
        LucairnResponseValidationException validation => new TheVeilResponseValidationException(validation.Message, validation.Body, validation.InnerException),
        LucairnValidationException config => new TheVeilConfigException(config.Message, config.ParamName, config.InnerException),
        LucairnCertificateException certificate => new TheVeilCertificateException(certificate.Message, certificate.Reason, certificate.CertificateId, certificate.InnerException),
        _ => new TheVeilException(error.Message, error.InnerException),
    };

    internal static T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (LucairnException ex)
        {
            throw Translate(ex);
        }
    }

    internal static async Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (LucairnException ex)
        {
            throw Translate(ex);
        }
    }
}
