using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>A reportable incident (<c>ai.incident_report</c>).</summary>
public sealed class IncidentReport : TypedEvent
{
    private static readonly string[] Defaults = ["EU-AI-ACT:Art.73", "NIS2:Art.23"];

    /// <summary>Creates the event.</summary>
    /// <param name="incidentRef">The incident reference (required).</param>
    /// <param name="severity">One of <c>low</c>, <c>medium</c>, <c>high</c>, <c>critical</c> (required).</param>
    /// <param name="summary">A short summary (required).</param>
    public IncidentReport(string incidentRef, string severity, string summary)
    {
        IncidentRef = incidentRef;
        Severity = severity;
        Summary = summary;
    }

    /// <inheritdoc />
    public override string EventType => "ai.incident_report";

    /// <inheritdoc />
    public override IReadOnlyList<string> DefaultRegulationRefs => Defaults;

    /// <summary>The incident reference (<c>incident_ref</c>).</summary>
    public string IncidentRef { get; }

    /// <summary>The severity (<c>severity</c>): <c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>.</summary>
    public string Severity { get; }

    /// <summary>The summary (<c>summary</c>).</summary>
    public string Summary { get; }

    /// <summary>When it was detected (<c>detected_at</c>), timezone-aware.</summary>
    public AttestoTimestamp? DetectedAt { get; init; }

    /// <summary>The affected systems (<c>affected_systems</c>).</summary>
    public IReadOnlyList<string>? AffectedSystems { get; init; }

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, JToken?>> Fields() =>
    [
        Field("incident_ref", IncidentRef),
        Field("severity", Severity),
        Field("summary", Summary),
        Field("detected_at", DetectedAt is { } at && at.TryGetValue(out DateTimeOffset value) ? AttestoTimestamp.ToWire(value) : null),
        Field("affected_systems", AffectedSystems is null ? null : new JArray(AffectedSystems)),
    ];

    /// <inheritdoc />
    protected override void CheckFields(IList<string> problems)
    {
        Require(problems, "incident_ref", IncidentRef);
        Require(problems, "severity", Severity);
        OneOf(problems, "severity", Severity, "low", "medium", "high", "critical");
        Require(problems, "summary", Summary);
        if (DetectedAt is { IsValid: false } at)
        {
            problems.Add($"detected_at must be timezone-aware: {at}");
        }

        if (AffectedSystems is not null && AffectedSystems.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("affected_systems must not contain empty entries");
        }
    }
}
