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
