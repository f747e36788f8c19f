using Shared.Telemetry;

namespace Lucairn;

/// <summary>
/// The names under which the Lucairn SDK publishes OpenTelemetry-compatible tracing and metrics
/// (<see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>,
/// both versioned with the package). Turn them on with <c>AddSource(LucairnTelemetry.ActivitySourceName)</c>
/// and <c>AddMeter(LucairnTelemetry.MeterName)</c>; the README lists every span, attribute and instrument.
/// </summary>
public static class LucairnTelemetry
{
    /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>: <c>Lucairn</c>.</summary>
    public const string ActivitySourceName = "Lucairn";

    /// <summary>The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>: <c>Lucairn</c>.</summary>
    public const string MeterName = "Lucairn";

    /// <summary>The source, meter and instruments (created once).</summary>
    internal static SdkTelemetry Instance { get; } = new(ActivitySourceName, "lucairn", typeof(LucairnTelemetry).Assembly, ErrorType);

    /// <summary>
    /// The data-free <c>error.type</c> of an exception: the reason code of a certificate failure,
    /// the status code of an API error that has one, otherwise the exception's type name. Never its message.
    /// </summary>
    internal static string ErrorType(Exception exception) => exception switch
    {
        LucairnCertificateException certificate => certificate.ReasonCode,
        LucairnApiException { Status: { } status } => ClientOperation.StatusText(status),
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };

    /// <summary>Classifies a verification failure: a certificate failure is an <c>invalid</c> verdict with its reason; anything else an error.</summary>
    internal static bool FailVerification(VerificationScope? scope, Exception exception) =>
        VerificationScope.Fail(scope, exception, (exception as LucairnCertificateException)?.ReasonCode);
}
