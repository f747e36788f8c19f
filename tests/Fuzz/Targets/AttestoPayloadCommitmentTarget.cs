using Attesto;
using Fuzz.Harness;
using Newtonsoft.Json.Linq;

namespace Fuzz.Targets;

/// <summary>
/// A payload through <see cref="PayloadCommitment.Compute"/> and <see cref="PayloadCommitment.Verify"/>:
/// a case object of <c>payload-commitment.proposed.json</c> gives its <c>payload</c> and
/// <c>expected</c> commitment, any other JSON is the payload itself. Round trip: a computed
/// commitment must verify against the same payload.
/// </summary>
public sealed class AttestoPayloadCommitmentTarget : FuzzTarget
{
    /// <inheritdoc />
    public override string Name => "attesto-payload-commitment";

    /// <inheritdoc />
    public override string Description => "payload JSON -> PayloadCommitment.Compute, then Verify against it and against the case's expected value";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = AttestoInput.ParseAndSelfTest;

    /// <inheritdoc />
    public override IEnumerable<FuzzInput> SeedInputs(Seeds seeds) =>
        seeds.Attesto("payload-commitment.proposed.json", "cases[*]").Concat(seeds.Attesto("receipt.proposed.json", "cases[*].receipt.payload"));

    /// <inheritdoc />
    protected override void Execute(ReadOnlySpan<byte> input)
    {
        JToken root = AttestoInput.Parse(input);
        JToken payload = root is JObject obj && obj.ContainsKey("payload") ? obj["payload"]! : root;
        _ = PayloadCommitment.Verify(payload, AttestoInput.Member(root, "expected"));

        PayloadCommitmentValue value;
        try
        {
            value = PayloadCommitment.Compute(payload);
        }
        catch (Exception ex) when (ex is Attesto.AttestoUnsafeNumberException or Attesto.AttestoValidationException)
        {
            FuzzPropertyException.Check(!PayloadCommitment.Verify(payload, new JObject { ["canonical_payload_hash"] = new string('0', 64) }), "Verify passed for a payload Compute rejects.");
            throw;
        }

        FuzzPropertyException.Check(PayloadCommitment.Verify(payload, value.ToJson()), "A computed commitment does not verify against its own payload.");
    }
}
