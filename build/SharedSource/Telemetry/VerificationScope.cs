using System.Diagnostics;

namespace Shared.Telemetry;

/// <summary>
/// The span (kind Internal, under <see cref="Activity.Current"/>) and measurements of one offline
/// verification: <c>{prefix}.verification.kind</c>, <c>.outcome</c> (<c>valid</c>, <c>invalid</c>,
/// <c>error</c>) and <c>.reason</c> (a fixed code, never the evidence). Created by
/// <see cref="SdkTelemetry.StartVerification"/> only when something listens, so a verifier pays
/// nothing otherwise. Any verifier adds its span with the same three steps:
/// <code>
/// using VerificationScope? span = Telemetry.StartVerification("Vendor.VerifyChain", "chain");
/// try { var result = Check(...); span?.Complete(result.Ok, ReasonOf(result)); return result; }
/// catch (Exception ex) when (VerificationScope.Fail(span, ex)) { throw; }
/// </code>
/// </summary>
internal sealed class VerificationScope : IDisposable
{
    private readonly SdkTelemetry _telemetry;
    private readonly Activity? _activity;
    private readonly string _kind;
    private readonly long _started;
    private string _outcome = SemanticConventions.OutcomeError;
    private string? _reason = "incomplete";
    private bool _ended;

    internal VerificationScope(SdkTelemetry telemetry, string spanName, string kind)
    {
        _telemetry = telemetry;
        _kind = kind;
        _started = Stopwatch.GetTimestamp();
        _activity = telemetry.Source.StartActivity(spanName, ActivityKind.Internal);
        _activity?.SetTag(telemetry.VerificationKindKey, kind);
    }

    /// <summary>The span, when one is recorded.</summary>
    internal Activity? Activity => _activity;

    /// <summary>
    /// Records an exception that ended the verification (for an exception filter: always returns
    /// false). A failure the package classifies as a verdict is <c>invalid</c> with its reason code;
    /// anything else is <c>error</c> with the exception's type name.
    /// </summary>
    internal static bool Fail(VerificationScope? scope, Exception exception, string? invalidReason = null)
    {
        if (scope is not null)
        {
            if (invalidReason is not null)
            {
                scope.Complete(valid: false, invalidReason);
            }
            else
            {
                scope._outcome = SemanticConventions.OutcomeError;
                scope._reason = scope._telemetry.ErrorTypeOf(exception);
            }
        }

        return false;
    }

    /// <summary>Records the verdict.</summary>
    /// <param name="valid">Whether the evidence verified.</param>
    /// <param name="reason">Why not, as a fixed code; ignored when <paramref name="valid"/>.</param>
    internal void Complete(bool valid, string? reason)
    {
        _outcome = valid ? SemanticConventions.OutcomeValid : SemanticConventions.OutcomeInvalid;
        _reason = valid ? null : reason ?? "invalid";
    }

    /// <summary>Ends the span and records the outcome and duration.</summary>
    public void Dispose()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        if (_activity is not null)
        {
            if (_activity.IsAllDataRequested)
            {
                _activity.SetTag(_telemetry.VerificationOutcomeKey, _outcome);
                if (_reason is not null)
                {
                    _activity.SetTag(_telemetry.VerificationReasonKey, _reason);
                }
            }

            if (_reason is not null)
            {
                _activity.SetStatus(ActivityStatusCode.Error, _reason);
            }

            _activity.Dispose();
        }

        if (_telemetry.Verifications.Enabled)
        {
            var tags = new TagList
            {
                { _telemetry.VerificationKindKey, _kind },
                { _telemetry.VerificationOutcomeKey, _outcome },
            };
            if (_reason is not null)
            {
                tags.Add(_telemetry.VerificationReasonKey, _reason);
            }

            _telemetry.Verifications.Add(1, tags);
        }

        if (_telemetry.VerificationDuration.Enabled)
        {
            _telemetry.VerificationDuration.Record(
                Stopwatch.GetElapsedTime(_started).TotalSeconds,
                new KeyValuePair<string, object?>(_telemetry.VerificationKindKey, _kind),
                new KeyValuePair<string, object?>(_telemetry.VerificationOutcomeKey, _outcome));
        }
    }
}
