using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Verification;

public class ProofsVectorTests
{
    private static JObject Merkle => Vectors.Read("merkle.proposed.json");

    private static TestCaseData[] InclusionCases => ((JArray)Merkle["window"]!["inclusion_cases"]!).Cast<JObject>()
        .Select((c, i) => new TestCaseData(c).SetArgDisplayNames($"leaf{(int)c["leaf_index"]!}_{(string?)c["why"] ?? "valid"}_{i}")).ToArray();

    private static TestCaseData[] CheckpointCases => ((JArray)Merkle["checkpoint_root_cases"]!).Cast<JObject>()
        .Select((c, i) => new TestCaseData(c).SetArgDisplayNames((string?)c["why"] ?? $"valid_{i}")).ToArray();

    private static TestCaseData[] ExtensionCases => Vectors.CaseData("chain-rules.derived.json", "checkpoint_extension");

    private static TestCaseData[] CompletenessCases => Vectors.CaseData("chain-rules.derived.json", "completeness");

    [TestCaseSource(nameof(InclusionCases))]
    public void Inclusion_vector(JObject c) =>
        Assert.That(Proofs.VerifyInclusion((string)c["leaf_hash"]!, c["proof"]!, (string)c["root_hash"]!), Is.EqualTo((bool)c["expected"]!));

    [TestCaseSource(nameof(InclusionCases))]
    public void Inclusion_vector_with_upper_case_hex(JObject c)
    {
        JArray proof = (JArray)c["proof"]!.DeepClone();
        foreach (JToken step in proof)
        {
            step["hash"] = ((string)step["hash"]!).ToUpperInvariant();
        }

        Assert.That(Proofs.VerifyInclusion(((string)c["leaf_hash"]!).ToUpperInvariant(), proof, ((string)c["root_hash"]!).ToUpperInvariant()), Is.EqualTo((bool)c["expected"]!));
    }

    [TestCaseSource(nameof(CheckpointCases))]
    public void Checkpoint_root_vector(JObject c)
    {
        string[] windows = c["window_hashes"]!.Select(t => (string)t!).ToArray();
        Assert.That(Proofs.VerifyCheckpointRoot(windows, (string)c["checkpoint_root"]!), Is.EqualTo((bool)c["expected"]!));
    }

    [TestCaseSource(nameof(ExtensionCases))]
    public void Checkpoint_extension_vector(JObject c)
    {
        VerificationReport report = Proofs.VerifyCheckpointExtension(c["previous"]!, c["current"]!);
        Assert.That(report.Ok, Is.EqualTo((bool)c["expected_ok"]!), report.ToString());
    }

    [TestCaseSource(nameof(CompletenessCases))]
    public void Completeness_vector(JObject c)
    {
        CompletenessReport report = Completeness.Verify(c["events"]!, (long)c["from_seq_no"]!, (long)c["to_seq_no"]!);
        Assert.That(report.Ok, Is.EqualTo((bool)c["expected_ok"]!), report.ToString());
    }

    [Test]
    public void Alternative_proof_spellings_are_read()
    {
        JObject first = (JObject)Merkle["window"]!["inclusion_cases"]![0]!;
        var sideSibling = new JArray(first["proof"]!.Select(s => new JObject { ["sibling"] = s["hash"], ["side"] = ((string)s["position"]!).ToUpperInvariant() }));
        var isLeft = new JArray(first["proof"]!.Select(s => new JObject { ["hash"] = s["hash"], ["is_left"] = (string)s["position"]! == "left" }));
        Assert.That(Proofs.VerifyInclusion((string)first["leaf_hash"]!, sideSibling, (string)first["root_hash"]!), Is.True);
        Assert.That(Proofs.VerifyInclusion((string)first["leaf_hash"]!, isLeft, (string)first["root_hash"]!), Is.True);
    }

    [Test]
    public void Malformed_inclusion_inputs_give_false()
    {
        JObject first = (JObject)Merkle["window"]!["inclusion_cases"]![0]!;
        string leaf = (string)first["leaf_hash"]!;
        string root = (string)first["root_hash"]!;
        Assert.That(Proofs.VerifyInclusion(leaf, new JObject(), root), Is.False);
        Assert.That(Proofs.VerifyInclusion(leaf, JArray.Parse("[1]"), root), Is.False);
        Assert.That(Proofs.VerifyInclusion(leaf, JArray.Parse("[{\"hash\":\"zz\",\"position\":\"left\"}]"), root), Is.False);
        Assert.That(Proofs.VerifyInclusion(leaf, JArray.Parse("[{\"hash\":\"00\",\"position\":\"up\"}]"), root), Is.False);
        Assert.That(Proofs.VerifyInclusion(leaf[..62], first["proof"]!, root), Is.False);
        Assert.That(Proofs.VerifyInclusion(leaf, first["proof"]!, root + "00"), Is.False);
        Assert.That(Proofs.VerifyInclusion(null!, first["proof"]!, root), Is.False);
        Assert.That(Proofs.VerifyInclusion(leaf, (IReadOnlyList<MerkleProofStep>)null!, root), Is.False);
        Assert.That(Proofs.VerifyInclusion(leaf, [new MerkleProofStep(leaf, (MerkleSide)7)], root), Is.False);
    }

    [Test]
    public void Malformed_checkpoint_inputs_give_false()
    {
        Assert.That(Proofs.VerifyCheckpointRoot(["zz"], new string('0', 64)), Is.False);
        Assert.That(Proofs.VerifyCheckpointRoot([new string('0', 64)], "not hex"), Is.False);
        Assert.That(Proofs.VerifyCheckpointRoot(null!, new string('0', 64)), Is.False);
        Assert.That(Proofs.VerifyCheckpointExtension(new JObject(), new JObject()).Ok, Is.False);
        Assert.That(Proofs.VerifyCheckpointExtension(JValue.CreateNull(), new JArray()).Ok, Is.False);
    }

    [Test]
    public void Extension_problems_name_what_failed()
    {
        var previous = new CheckpointRange("chk_a", 1, 5, new string('a', 64), null);
        var current = new CheckpointRange("chk_b", 7, 9, new string('b', 64), new string('c', 64));
        VerificationReport report = Proofs.VerifyCheckpointExtension(previous, current);
        Assert.That(report.Problems, Has.Count.EqualTo(2));
        Assert.That(report.Problems[0], Does.Contain("not contiguous"));
        Assert.That(report.Problems[1], Does.Contain("previous_checkpoint_hash"));
        Assert.That(Proofs.VerifyCheckpointExtension(previous, current with { FromSeqNo = 6, PreviousCheckpointHash = new string('A', 64) }).Ok, Is.True);
    }
}
