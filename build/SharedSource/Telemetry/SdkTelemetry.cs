using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Shared.Telemetry;

/// <summary>
/// One package's <see cref="ActivitySource"/> and <see cref="Meter"/> (both named after the
/// package and versioned with it) and its instruments. Created once per package (a static of
/// the package's <c>…Telemetry</c> class); built on <c>System.Diagnostics</c> only. Everything
/// here is a no-op until a listener subscribes.
/// </summary>
internal sealed class SdkTelemetry
{
    /// <summary>Creates the source, the meter and the instruments.</summary>
    /// <param name="name">The package name, used for the source, the meter and span-name prefixes (<c>Lucairn</c>).</param>
    /// <param name="prefix">The lower-case namespace of metric and attribute names (<c>lucairn</c>).</param>
    /// <param name="assembly">The package assembly, whose informational version versions the source and meter.</param>
    /// <param name="errorType">Maps an exception to a data-free <c>error.type</c> (a status or reason code, or the type name).</param>
    internal SdkTelemetry(string name, string prefix, Assembly assembly, Func<Exception, string> errorType)
    {
        Name = name;
        Version = VersionOf(assembly);
        ErrorTypeOf = errorType;
        Source = new ActivitySource(name, Version);
        Meter = new Meter(name, Version);
        OperationNameKey = prefix + ".operation.name";
        VerificationKindKey = prefix + ".verification.kind";
        VerificationOutcomeKey = prefix + ".verification.outcome";
        VerificationReasonKey = prefix + ".verification.reason";
        OperationDuration = Meter.CreateHistogram<double>(
            prefix + ".client.operation.duration", "s", "Duration of a client operation, retries and back-off included.");
        Retries = Meter.CreateCounter<long>(prefix + ".client.retries", "{retry}", "Requests re-sent by the retry policy.");
        Verifications = Meter.CreateCounter<long>(prefix + ".verifications", "{verification}", "Offline verifications, by kind, outcome and reason.");
        VerificationDuration = Meter.CreateHistogram<double>(prefix + ".verification.duration", "s", "Duration of an offline verification.");
    }

    /// <summary>The package name (source and meter name).</summary>
    internal string Name { get; }

    /// <summary>The package version (without source-link metadata).</summary>
    internal string Version { get; }

    /// <summary>The spans.</summary>
    internal ActivitySource Source { get; }

    /// <summary>The instruments' meter.</summary>
    internal Meter Meter { get; }

    /// <summary><c>{prefix}.operation.name</c>: the public method, e.g. <c>MessagesAsync</c>.</summary>
    internal string OperationNameKey { get; }

    /// <summary><c>{prefix}.verification.kind</c>: what was verified, e.g. <c>certificate</c>.</summary>
    internal string VerificationKindKey { get; }

    /// <summary><c>{prefix}.verification.outcome</c>: <c>valid</c>, <c>invalid</c> or <c>error</c>.</summary>
    internal string VerificationOutcomeKey { get; }

    /// <summary><c>{prefix}.verification.reason</c>: why it was not valid (a fixed code).</summary>
    internal string VerificationReasonKey { get; }

    /// <summary><c>{prefix}.client.operation.duration</c> (s).</summary>
    internal Histogram<double> OperationDuration { get; }

    /// <summary><c>{prefix}.client.retries</c> ({retry}).</summary>
    internal Counter<long> Retries { get; }

    /// <summary><c>{prefix}.verifications</c> ({verification}).</summary>
    internal Counter<long> Verifications { get; }

    /// <summary><c>{prefix}.verification.duration</c> (s).</summary>
    internal Histogram<double> VerificationDuration { get; }

    /// <summary>The package's data-free exception classifier.</summary>
    internal Func<Exception, string> ErrorTypeOf { get; }

    /// <summary>Whether anything listens to client operations (spans, durations or retries).</summary>
    internal bool OperationsObserved => Source.HasListeners() || OperationDuration.Enabled || Retries.Enabled;

    /// <summary>Whether anything listens to verifications (spans, outcomes or durations).</summary>
    internal bool VerificationsObserved => Source.HasListeners() || Verifications.Enabled || VerificationDuration.Enabled;

    /// <summary>
    /// Runs one public client operation inside its span (<c>{Name}.{operation}</c>, kind Client)
    /// and records its duration; failures set status Error with a data-free <c>error.type</c>.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="operation">The public method name, e.g. <c>GetCertificateAsync</c>.</param>
    /// <param name="method">The HTTP method of the underlying call, or null when several.</param>
    /// <param name="serverUrl">The service base URL (only host and port are recorded), or null when not known yet.</param>
    /// <param name="body">The operation.</param>
    /// <returns>The operation's result.</returns>
    internal async Task<T> TraceAsync<T>(string operation, string? method, string? serverUrl, Func<Task<T>> body)
    {
        using ClientOperation? op = ClientOperation.Start(this, operation, method, serverUrl);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception ex) when (ClientOperation.Fail(op, ex))
        {
            throw;
        }
    }

    /// <summary>Starts the span and timer of one offline verification; null (free) when nothing listens.</summary>
    /// <param name="spanName">The span name, e.g. <c>Attesto.VerifyReceipt</c>.</param>
    /// <param name="kind">The <c>{prefix}.verification.kind</c> value, e.g. <c>receipt</c>.</param>
    /// <returns>The scope to complete and dispose, or null.</returns>
    internal VerificationScope? StartVerification(string spanName, string kind) =>
        VerificationsObserved ? new VerificationScope(this, spanName, kind) : null;

    private static string VersionOf(Assembly assembly)
    {
        string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
