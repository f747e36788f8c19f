using Attesto;
using Fuzz.Harness;
using Newtonsoft.Json.Linq;

namespace Fuzz.Targets;

/// <summary>
/// A completeness case object (<c>events</c>, <c>from_seq_no</c>, <c>to_seq_no</c>) through
/// <see cref="Completeness.Verify(JToken, long, long)"/>; a bare list is checked over 0..count-1.
/// </summary>
public sealed class AttestoCompletenessTarget : FuzzTarget
{
    /// <inheritdoc />
    public override string Name => "attesto-completeness";

    /// <inheritdoc />
    public override string Description => "completeness case JSON -> Completeness.Verify(JToken, from, to)";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = AttestoInput.ParseAndSelfTest;

    /// <inheritdoc />
    public override IEnumerable<FuzzInput> SeedInputs(Seeds seeds) => seeds.Attesto("chain-rules.derived.json", "completeness[*]");

    /// <inheritdoc />
    protected override void Execute(ReadOnlySpan<byte> input)
    {
        JToken root = AttestoInput.Parse(input);
        _ = root is JArray list
            ? Completeness.Verify(list, 0, list.Count - 1)
            : Completeness.Verify(AttestoInput.Member(root, "events"), AttestoInput.Integer(AttestoInput.Member(root, "from_seq_no"), 0), AttestoInput.Integer(AttestoInput.Member(root, "to_seq_no"), 0));
    }
}
