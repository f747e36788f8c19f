using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>A human overriding an AI decision (<c>ai.human_override</c>).</summary>
public sealed class HumanOverride : TypedEvent
{
    private static readonly string[] Defaults = ["EU-AI-ACT:Art.12", "EU-AI-ACT:Art.14"];

    /// <summary>Creates the event.</summary>
    /// <param name="actorRef">Who overrode (a pseudonymous reference, required).</param>
    /// <param name="originalDecision">The AI's decision (required).</param>
    /// <param name="newDecision">The human's decision (required).</param>
    public HumanOverride(string actorRef, string originalDecision, string newDecision)
    {
        ActorRef = actorRef;
        OriginalDecision = originalDecision;
        NewDecision = newDecision;
    }

    /// <inheritdoc />
    public override string EventType => "ai.human_override";

    /// <inheritdoc />
    public override IReadOnlyList<string> DefaultRegulationRefs => Defaults;

    /// <summary>Who overrode (<c>actor_ref</c>).</summary>
    public string ActorRef { get; }

    /// <summary>The AI's decision (<c>original_decision</c>).</summary>
    public string OriginalDecision { get; }

    /// <summary>The human's decision (<c>new_decision</c>).</summary>
    public string NewDecision { get; }

    /// <summary>Why (<c>reason</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>The overridden event (<c>overridden_event_ref</c>).</summary>
    public string? OverriddenEventRef { get; init; }

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, JToken?>> Fields() =>
    [
        Field("actor_ref", ActorRef),
        Field("original_decision", OriginalDecision),
        Field("new_decision", NewDecision),
        Field("reason", Reason),
        Field("overridden_event_ref", OverriddenEventRef),
    ];

    /// <inheritdoc />
    protected override void CheckFields(IList<string> problems)
    {
        Require(problems, "actor_ref", ActorRef);
        Require(problems, "original_decision", OriginalDecision);
        Require(problems, "new_decision", NewDecision);
    }
}
