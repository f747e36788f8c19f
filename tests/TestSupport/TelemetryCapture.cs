using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace TestSupport;

/// <summary>
/// Listens to one package's <see cref="ActivitySource"/> and <see cref="Meter"/> (by name) the way an
/// OpenTelemetry host would, and keeps every finished span and every measurement for assertions.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly string _name;
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    /// <summary>Starts listening.</summary>
    /// <param name="name">The source and meter name, e.g. <c>Lucairn</c>.</param>
    /// <param name="traces">Whether to listen to spans.</param>
    /// <param name="metrics">Whether to listen to instruments.</param>
    public TelemetryCapture(string name, bool traces = true, bool metrics = true)
    {
        _name = name;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => traces && source.Name == name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (metrics && instrument.Meter.Name == name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meters.Start();
    }

    /// <summary>The finished spans, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans => [.. _spans];

    /// <summary>The measurements, in the order they were made.</summary>
    public IReadOnlyList<Measurement> Measurements => [.. _measurements];

    /// <summary>The one finished span with this name.</summary>
    public Activity Span(string displayName) => Spans.Single(a => a.DisplayName == displayName);

    /// <summary>The measurements of one instrument.</summary>
    public IReadOnlyList<Measurement> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    /// <summary>
    /// Every string the telemetry carries: span names, status descriptions, tag keys and values,
    /// event names and tags, instrument names, units, descriptions and measurement tags.
    /// </summary>
    public IReadOnlyList<string> AllRecordedText()
    {
        var text = new List<string>();
        foreach (Activity span in _spans)
        {
            text.Add(span.DisplayName);
            text.Add(span.OperationName);
            text.Add(span.StatusDescription ?? string.Empty);
            foreach (KeyValuePair<string, object?> tag in span.TagObjects)
            {
                text.Add(tag.Key);
                text.Add(Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty);
            }

            foreach (ActivityEvent e in span.Events)
            {
                text.Add(e.Name);
                text.AddRange(e.Tags.Select(t => t.Key + "=" + Convert.ToString(t.Value, CultureInfo.InvariantCulture)));
            }

            text.AddRange(span.Baggage.Select(b => b.Key + "=" + b.Value));
        }

        foreach (Measurement m in _measurements)
        {
            text.Add(m.Instrument);
            text.Add(m.Unit ?? string.Empty);
            text.Add(m.Description ?? string.Empty);
            text.AddRange(m.Tags.Select(t => t.Key + "=" + Convert.ToString(t.Value, CultureInfo.InvariantCulture)));
        }

        return text;
    }

    /// <summary>
    /// Asserts that something was recorded and that no recorded string contains any of
    /// <paramref name="secrets"/> (empty ones are skipped).
    /// </summary>
    /// <param name="secrets">Keys, prompts, payloads or other values that must never be recorded.</param>
    public void AssertNoneOf(params string[] secrets) => AssertNoneOf(static (_, _) => false, secrets);

    /// <summary>
    /// As <see cref="AssertNoneOf(string[])"/>, and also flags a recorded string that is a part of a
    /// secret when <paramref name="isFragment"/> says so (recorded text, secret).
    /// </summary>
    /// <param name="isFragment">Whether a recorded string counts as a leaked fragment of a secret.</param>
    /// <param name="secrets">The values that must never be recorded.</param>
    public void AssertNoneOf(Func<string, string, bool> isFragment, params string[] secrets)
    {
        IReadOnlyList<string> text = AllRecordedText();
        Assert.That(text, Is.Not.Empty);
        foreach (string secret in secrets.Where(s => s.Length > 0))
        {
            Assert.That(text.Where(t => t.Contains(secret, StringComparison.Ordinal) || isFragment(t, secret)), Is.Empty, $"telemetry recorded '{secret}'");
        }
    }

    /// <summary>Samples every span of another source (e.g. the caller's own), so parent links can be checked.</summary>
    /// <param name="name">The source name.</param>
    /// <returns>The listener; dispose it to stop.</returns>
    public static ActivityListener ListenTo(string name)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, instrument.Description, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    /// <summary>One measurement.</summary>
    /// <param name="Instrument">The instrument name.</param>
    /// <param name="Unit">The instrument unit.</param>
    /// <param name="Description">The instrument description.</param>
    /// <param name="Value">The value.</param>
    /// <param name="Tags">The tags.</param>
    internal sealed record Measurement(string Instrument, string? Unit, string? Description, double Value, IReadOnlyDictionary<string, object?> Tags);

    /// <inheritdoc />
    public override string ToString() => _name;
}
