using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>An access to personal or regulated data (<c>ai.data_access</c>).</summary>
public sealed class DataAccess : TypedEvent
{
    private static readonly string[] Defaults = ["GDPR:Art.30"];

    /// <summary>Creates the event.</summary>
    /// <param name="actorRef">Who accessed (required).</param>
    /// <param name="datasetRef">Which dataset (required).</param>
    /// <param name="purpose">Why (required).</param>
    public DataAccess(string actorRef, string datasetRef, string purpose)
    {
        ActorRef = actorRef;
        DatasetRef = datasetRef;
        Purpose = purpose;
    }

    /// <inheritdoc />
    public override string EventType => "ai.data_access";

    /// <inheritdoc />
    public override IReadOnlyList<string> DefaultRegulationRefs => Defaults;

    /// <summary>Who accessed (<c>actor_ref</c>).</summary>
    public string ActorRef { get; }

    /// <summary>Which dataset (<c>dataset_ref</c>).</summary>
    public string DatasetRef { get; }

    /// <summary>Why (<c>purpose</c>).</summary>
    public string Purpose { get; }

    /// <summary>The access type (<c>access_type</c>): <c>read</c>, <c>write</c>, <c>export</c> or <c>delete</c>.</summary>
    public string? AccessType { get; init; }

    /// <summary>How many records (<c>record_count</c>), not negative.</summary>
    public long? RecordCount { get; init; }

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, JToken?>> Fields() =>
    [
        Field("actor_ref", ActorRef),
        Field("dataset_ref", DatasetRef),
        Field("purpose", Purpose),
        Field("access_type", AccessType),
        Field("record_count", RecordCount),
    ];

    /// <inheritdoc />
    protected override void CheckFields(IList<string> problems)
    {
        Require(problems, "actor_ref", ActorRef);
        Require(problems, "dataset_ref", DatasetRef);
        Require(problems, "purpose", Purpose);
        OneOf(problems, "access_type", AccessType, "read", "write", "export", "delete");
        if (RecordCount is < 0)
        {
            problems.Add($"record_count must not be negative; got {RecordCount}");
        }
    }
}
