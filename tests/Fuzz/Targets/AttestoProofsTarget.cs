using Attesto;
using Fuzz.Harness;
using Newtonsoft.Json.Linq;

namespace Fuzz.Targets;

/// <summary>
/// A proof case object through <see cref="Proofs"/>: <c>proof</c> through
/// <see cref="Proofs.TryParseProof"/> and <see cref="Proofs.VerifyInclusion(string, JToken, string)"/>
/// with <c>leaf_hash</c>/<c>root_hash</c>; <c>window_hashes</c>/<c>checkpoint_root</c> through
/// <see cref="Proofs.VerifyCheckpointRoot"/>; <c>previous</c>/<c>current</c> through
/// <see cref="Proofs.VerifyCheckpointExtension(JToken, JToken)"/>. An input that is not an object
/// is itself tried as the proof.
/// </summary>
public sealed class AttestoProofsTarget : FuzzTarget
{
    /// <inheritdoc />
    public override string Name => "attesto-proofs";

    /// <inheritdoc />
    public override string Description => "proof/checkpoint case JSON -> Proofs.TryParseProof, VerifyInclusion, VerifyCheckpointRoot, VerifyCheckpointExtension";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = AttestoInput.ParseAndSelfTest;

    /// <inheritdoc />
    public override IEnumerable<FuzzInput> SeedInputs(Seeds seeds) =>
        seeds.Attesto("merkle.proposed.json", "window.inclusion_cases[*]")
            .Concat(seeds.Attesto("merkle.proposed.json", "checkpoint_root_cases[*]"))
            .Concat(seeds.Attesto("chain-rules.derived.json", "checkpoint_extension[*]"));

    /// <inheritdoc />
    protected override void Execute(ReadOnlySpan<byte> input)
    {
        JToken root = AttestoInput.Parse(input);
        JToken proof = root is JObject ? AttestoInput.Member(root, "proof") : root;
        string leaf = AttestoInput.Text(AttestoInput.Member(root, "leaf_hash"));
        string rootHash = AttestoInput.Text(AttestoInput.Member(root, "root_hash"));

        bool parsed = Proofs.TryParseProof(proof, out IReadOnlyList<MerkleProofStep>? steps);
        FuzzPropertyException.Check(parsed == steps is not null, "TryParseProof's result and its steps disagree.");
        bool viaJson = Proofs.VerifyInclusion(leaf, proof, rootHash);
        FuzzPropertyException.Check(!viaJson || (steps is not null && Proofs.VerifyInclusion(leaf, steps, rootHash)), "VerifyInclusion over JSON passed where the parsed steps fail.");

        if (AttestoInput.Member(root, "window_hashes") is JArray windows)
        {
            _ = Proofs.VerifyCheckpointRoot(windows.Select(AttestoInput.Text).ToList(), AttestoInput.Text(AttestoInput.Member(root, "checkpoint_root")));
        }

        _ = Proofs.VerifyCheckpointExtension(AttestoInput.Member(root, "previous"), AttestoInput.Member(root, "current"));
    }
}
