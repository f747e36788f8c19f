using System.Diagnostics;
using System.Diagnostics.Metrics;
using Shared.Telemetry;

namespace Nomyo;

/// <summary>
/// The names under which the NOMYO SDK publishes OpenTelemetry-compatible tracing and metrics
/// (<see cref="ActivitySource"/> and <see cref="Meter"/>, both versioned with the package). Turn
/// them on with <c>AddSource(NomyoTelemetry.ActivitySourceName)</c> and
/// <c>AddMeter(NomyoTelemetry.MeterName)</c>; the README lists every span, attribute and instrument.
/// </summary>
public static class NomyoTelemetry
{
    /// <summary>The name of the SDK's <see cref="ActivitySource"/>: <c>Nomyo</c>.</summary>
    public const string ActivitySourceName = "Nomyo";

    /// <summary>The name of the SDK's <see cref="Meter"/>: <c>Nomyo</c>.</summary>
    public const string MeterName = "Nomyo";

    /// <summary>The source, meter and shared instruments (created once).</summary>
    internal static SdkTelemetry Instance { get; } = new(ActivitySourceName, "nomyo", typeof(NomyoTelemetry).Assembly, ErrorType);

    /// <summary><c>nomyo.encryption.duration</c> (s): sealing one request package (AES-256-GCM + RSA-OAEP wrap).</summary>
    internal static Histogram<double> EncryptionDuration { get; } =
        Instance.Meter.CreateHistogram<double>("nomyo.encryption.duration", "s", "Duration of encrypting one request package.");

    /// <summary><c>nomyo.decryption.duration</c> (s): opening and parsing one response package (RSA-OAEP unwrap + AES-256-GCM).</summary>
    internal static Histogram<double> DecryptionDuration { get; } =
        Instance.Meter.CreateHistogram<double>("nomyo.decryption.duration", "s", "Duration of decrypting one response package.");

    /// <summary>The data-free <c>error.type</c>: the status code of an API error, otherwise the exception's type name. Never its message.</summary>
    internal static string ErrorType(Exception exception) => exception switch
    {
        NomyoApiException { Status: { } status } => ClientOperation.StatusText(status),
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };

    /// <summary>A start timestamp when <paramref name="histogram"/> is listened to, otherwise 0 (nothing is measured).</summary>
    internal static long StartTiming(Histogram<double> histogram) => histogram.Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Records the time since <paramref name="started"/> (no-op for 0).</summary>
    internal static void StopTiming(Histogram<double> histogram, long started)
    {
        if (started != 0)
        {
            histogram.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
