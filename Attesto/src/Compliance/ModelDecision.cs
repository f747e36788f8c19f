using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>An AI model decision (<c>ai.model_decision</c>). Log commitments, not raw inputs.</summary>
public sealed class ModelDecision : TypedEvent
{
    private static readonly string[] Defaults = ["EU-AI-ACT:Art.12"];

    /// <summary>Creates the event.</summary>
    /// <param name="model">The model that decided (required).</param>
    /// <param name="decision">The decision (required).</param>
    public ModelDecision(string model, string decision)
    {
        Model = model;
        Decision = decision;
    }

    /// <inheritdoc />
    public override string EventType => "ai.model_decision";

    /// <inheritdoc />
    public override IReadOnlyList<string> DefaultRegulationRefs => Defaults;

    /// <summary>The model (<c>model</c>).</summary>
    public string Model { get; }

    /// <summary>The decision (<c>decision</c>).</summary>
    public string Decision { get; }

    /// <summary>The commitment to the model input (<c>input_commitment</c>), from <see cref="PayloadCommitment.Compute"/>.</summary>
    public PayloadCommitmentValue? InputCommitment { get; init; }

    /// <summary>The commitment to the model output (<c>output_commitment</c>).</summary>
    public PayloadCommitmentValue? OutputCommitment { get; init; }

    /// <summary>The confidence in basis points, 0 to 10000 (<c>confidence_bp</c>).</summary>
    public int? ConfidenceBp { get; init; }

    /// <summary>Whether a human was in the loop (<c>human_in_loop</c>).</summary>
    public bool? HumanInLoop { get; init; }

    /// <summary>The model version (<c>model_version</c>).</summary>
    public string? ModelVersion { get; init; }

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, JToken?>> Fields() =>
    [
        Field("model", Model),
        Field("decision", Decision),
        Field("input_commitment", InputCommitment?.ToJson()),
        Field("output_commitment", OutputCommitment?.ToJson()),
        Field("confidence_bp", ConfidenceBp),
        Field("human_in_loop", HumanInLoop),
        Field("model_version", ModelVersion),
    ];

    /// <inheritdoc />
    protected override void CheckFields(IList<string> problems)
    {
        Require(problems, "model", Model);
        Require(problems, "decision", Decision);
        if (ConfidenceBp is < 0 or > 10_000)
        {
            problems.Add($"confidence_bp must be between 0 and 10000 basis points; got {ConfidenceBp}");
        }
    }
}
