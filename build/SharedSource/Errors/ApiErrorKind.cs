namespace Shared.Http;

/// <summary>
/// The family's classification of a failed call, shared by the three vendors: each maps a kind to
/// its own exception subclass (<c>&lt;Vendor&gt;AuthenticationException</c>, …) in one place (its
/// <c>Errors/</c> mapper), so the same status is the same subclass in every package.
/// </summary>
internal enum ApiErrorKind
{
    /// <summary>Any other non-success status (for example 409): the plain API exception.</summary>
    Other,

    /// <summary>400 or 422: the service refused the request's content.</summary>
    BadRequest,

    /// <summary>401: missing or wrong credentials.</summary>
    Authentication,

    /// <summary>403: the credentials are not allowed to do this.</summary>
    Forbidden,

    /// <summary>404: no such resource.</summary>
    NotFound,

    /// <summary>429: too many requests.</summary>
    RateLimit,

    /// <summary>5xx: the service failed.</summary>
    Server,
}

/// <summary>Status → <see cref="ApiErrorKind"/>.</summary>
internal static class ApiErrorKinds
{
    internal static ApiErrorKind Of(int status) => status switch
    {
        400 or 422 => ApiErrorKind.BadRequest,
        401 => ApiErrorKind.Authentication,
        403 => ApiErrorKind.Forbidden,
        404 => ApiErrorKind.NotFound,
        429 => ApiErrorKind.RateLimit,
        >= 500 and <= 599 => ApiErrorKind.Server,
        _ => ApiErrorKind.Other,
    };
}
