namespace Shared.Telemetry;

/// <summary>
/// The OpenTelemetry attribute names and values the SDK records (HTTP client and error
/// conventions), plus the vendor-namespaced ones built by <see cref="SdkTelemetry"/>.
/// </summary>
internal static class SemanticConventions
{
    /// <summary>The HTTP request method, e.g. <c>GET</c>.</summary>
    internal const string HttpRequestMethod = "http.request.method";

    /// <summary>The HTTP status code of the last answer.</summary>
    internal const string HttpResponseStatusCode = "http.response.status_code";

    /// <summary>How many times the request was re-sent (retries), when at least once.</summary>
    internal const string HttpRequestResendCount = "http.request.resend_count";

    /// <summary>The server host name.</summary>
    internal const string ServerAddress = "server.address";

    /// <summary>The server port.</summary>
    internal const string ServerPort = "server.port";

    /// <summary>The class of error an operation ended with: a status code, a reason code or an exception type name.</summary>
    internal const string ErrorType = "error.type";

    /// <summary>The outcome of a verification that passed.</summary>
    internal const string OutcomeValid = "valid";

    /// <summary>The outcome of a verification that found the evidence wrong.</summary>
    internal const string OutcomeInvalid = "invalid";

    /// <summary>The outcome of a verification that could not run (bad arguments, self-test failure).</summary>
    internal const string OutcomeError = "error";
}
