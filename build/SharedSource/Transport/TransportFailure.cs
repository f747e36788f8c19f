namespace Shared.Http;

/// <summary>Classifies the exceptions a send can end with, for the vendor retry policies and error mapping.</summary>
internal static class TransportFailure
{
    /// <summary>
    /// The connection failed or broke: the request could not be sent, or the answer (headers or
    /// body) could not be read. <see cref="HttpIOException"/> (a body that ended early) is an <see cref="IOException"/>.
    /// </summary>
    internal static bool IsConnection(Exception ex) => ex is HttpRequestException or IOException;

    /// <summary>The request certainly never reached the server (no connection was made), so even a non-idempotent call is safe to retry.</summary>
    internal static bool IsBeforeSend(Exception ex) =>
        ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    /// <summary>A failure of the attempt itself (connection or attempt timeout), as opposed to a refused redirect or a caller cancellation.</summary>
    internal static bool IsTransient(Exception ex) => IsConnection(ex) || ex is AttemptTimeoutException;
}
