using System.Diagnostics;
using System.Globalization;

namespace Shared.Telemetry;

/// <summary>
/// The span and duration measurement of one public client operation. Created by
/// <see cref="SdkTelemetry.TraceAsync"/> only when something listens; the transports reach it
/// through <see cref="Current"/> (an async-local, so concurrent operations never mix) to record the
/// status code of each answer and each retry. Records only the HTTP client conventions (method,
/// server host and port, status code, resend count) and a data-free <c>error.type</c>: never
/// URLs, paths, headers, bodies or exception messages.
/// </summary>
internal sealed class ClientOperation : IDisposable
{
    private static readonly AsyncLocal<ClientOperation?> CurrentSlot = new();

    private readonly SdkTelemetry _telemetry;
    private readonly ClientOperation? _previous;
    private readonly Activity? _activity;
    private readonly long _started;
    private readonly string _operation;
    private readonly string? _method;
    private string? _address;
    private int _port;
    private int _status;
    private int _retries;
    private string? _errorType;
    private int _ended;

    private ClientOperation(SdkTelemetry telemetry, string operation, string? method, string? serverUrl)
    {
        _telemetry = telemetry;
        _operation = operation;
        _method = method;
        _started = Stopwatch.GetTimestamp();
        _activity = telemetry.Source.StartActivity(telemetry.Name + "." + operation, ActivityKind.Client);
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(telemetry.OperationNameKey, operation);
            if (method is not null)
            {
                _activity.SetTag(SemanticConventions.HttpRequestMethod, method);
            }
        }

        SetServer(serverUrl);
        _previous = CurrentSlot.Value;
        CurrentSlot.Value = this;
    }

    /// <summary>The operation running on this async flow, or null (nothing listens, or no operation).</summary>
    internal static ClientOperation? Current => CurrentSlot.Value;

    /// <summary>The span, when one is recorded.</summary>
    internal Activity? Activity => _activity;

    /// <summary>Starts an operation; null (and free) when nothing listens.</summary>
    internal static ClientOperation? Start(SdkTelemetry telemetry, string operation, string? method, string? serverUrl) =>
        telemetry.OperationsObserved ? new ClientOperation(telemetry, operation, method, serverUrl) : null;

    /// <summary>Records a failure (for an exception filter: always returns false, so nothing is caught).</summary>
    internal static bool Fail(ClientOperation? operation, Exception exception)
    {
        if (operation is not null && operation._errorType is null)
        {
            operation._errorType = operation._telemetry.ErrorTypeOf(exception);
        }

        return false;
    }

    /// <summary>Records the server's host and port (from a base URL; nothing else of it is kept).</summary>
    internal void SetServer(string? serverUrl)
    {
        if (serverUrl is null || !Uri.TryCreate(serverUrl, UriKind.Absolute, out Uri? uri))
        {
            return;
        }

        _address = uri.IdnHost;
        _port = uri.Port;
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(SemanticConventions.ServerAddress, _address);
            _activity.SetTag(SemanticConventions.ServerPort, _port);
        }
    }

    /// <summary>Records the status code of an answer (the last one wins).</summary>
    internal void SetStatus(int status) => _status = status;

    /// <summary>Counts one retry of this operation's request (called from the retry policy).</summary>
    /// <param name="exception">The failure that caused the retry, or null when a status code did.</param>
    internal void RecordRetry(Exception? exception)
    {
        Interlocked.Increment(ref _retries);
        if (_telemetry.Retries.Enabled)
        {
            TagList tags = BaseTags();
            if (exception is not null)
            {
                tags.Add(SemanticConventions.ErrorType, _telemetry.ErrorTypeOf(exception));
            }
            else if (_status != 0)
            {
                tags.Add(SemanticConventions.HttpResponseStatusCode, _status);
            }

            _telemetry.Retries.Add(1, tags);
        }
    }

    /// <summary>Ends the span and records the duration.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        if (ReferenceEquals(CurrentSlot.Value, this))
        {
            CurrentSlot.Value = _previous;
        }

        if (_activity is not null)
        {
            if (_activity.IsAllDataRequested)
            {
                if (_status != 0)
                {
                    _activity.SetTag(SemanticConventions.HttpResponseStatusCode, _status);
                }

                if (_retries > 0)
                {
                    _activity.SetTag(SemanticConventions.HttpRequestResendCount, _retries);
                }

                if (_errorType is not null)
                {
                    _activity.SetTag(SemanticConventions.ErrorType, _errorType);
                }
            }

            if (_errorType is not null)
            {
                _activity.SetStatus(ActivityStatusCode.Error, _errorType);
            }

            _activity.Dispose();
        }

        if (_telemetry.OperationDuration.Enabled)
        {
            TagList tags = BaseTags();
            if (_status != 0)
            {
                tags.Add(SemanticConventions.HttpResponseStatusCode, _status);
            }

            if (_errorType is not null)
            {
                tags.Add(SemanticConventions.ErrorType, _errorType);
            }

            _telemetry.OperationDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }
    }

    private TagList BaseTags()
    {
        var tags = new TagList { { _telemetry.OperationNameKey, _operation } };
        if (_method is not null)
        {
            tags.Add(SemanticConventions.HttpRequestMethod, _method);
        }

        if (_address is not null)
        {
            tags.Add(SemanticConventions.ServerAddress, _address);
            tags.Add(SemanticConventions.ServerPort, _port);
        }

        return tags;
    }

    /// <summary>The status code as the invariant text <c>error.type</c> uses for HTTP errors.</summary>
    internal static string StatusText(int status) => status.ToString(CultureInfo.InvariantCulture);
}
