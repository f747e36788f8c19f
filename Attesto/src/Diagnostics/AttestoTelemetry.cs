using Shared.Telemetry;

namespace Attesto;

/// <summary>
/// The names under which the Attesto SDK publishes OpenTelemetry-compatible tracing and metrics
/// (<see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>,
/// both versioned with the package). Turn them on with <c>AddSource(AttestoTelemetry.ActivitySourceName)</c>
/// and <c>AddMeter(AttestoTelemetry.MeterName)</c>; the README lists every span, attribute and instrument.
/// </summary>
public static class AttestoTelemetry
{
    /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>: <c>Attesto</c>.</summary>
    public const string ActivitySourceName = "Attesto";

    /// <summary>The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>: <c>Attesto</c>.</summary>
    public const string MeterName = "Attesto";

    /// <summary>The source, meter and instruments (created once).</summary>
    internal static SdkTelemetry Instance { get; } = new(ActivitySourceName, "attesto", typeof(AttestoTelemetry).Assembly, ErrorType);

    /// <summary>
    /// The data-free <c>error.type</c> of an exception: the status code of a service error,
    /// otherwise the exception's type name (e.g. a fork or a failed receipt). Never its message.
    /// </summary>
    internal static string ErrorType(Exception exception) => exception switch
    {
        AttestoApiException { Status: { } status } => ClientOperation.StatusText(status),
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };
}
