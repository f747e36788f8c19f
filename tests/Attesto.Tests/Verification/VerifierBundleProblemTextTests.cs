using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto.Tests.Verification;

/// <summary>
/// The exact problems the bundle verifier reports for artifacts of the wrong shape, foreign or repeated
/// receipts, out-of-order or gapped checkpoints, and the per-check cap on listed problems.
/// </summary>
public class VerifierBundleProblemTextTests
{
    private static readonly JObject ReceiptVector = Vectors.Read("receipt.proposed.json");
    private static readonly Ed25519PrivateKey TestKey = Ed25519PrivateKey.FromBytes(Hex.Decode((string)ReceiptVector["private_key_hex_TEST_ONLY"]!));

    private BundleFixture _f = null!;

    [SetUp]
    public void Build() => _f = BundleFixture.Create();

    private long From => (long)_f.Manifest["from_seq_no"]!;

    private long To => (long)_f.Manifest["to_seq_no"]!;

    [Test]
    public void A_bundle_without_manifest_or_artifacts_reports_only_that()
    {
        Assert.That(VerifierBundle.Verify(new JObject { ["manifest"] = new JObject() }, _f.Keys).Problems, Is.EqualTo(new[] { "bundle has no manifest or no artifacts" }));
    }

    [TestCase("receipts.json")]
    [TestCase("checkpoints.json")]
    public void An_artifact_that_is_not_a_list_is_named_and_its_check_stops(string name)
    {
        _f.Bundle["artifacts"]![name] = new JObject();
        _f.Reseal();

        IReadOnlyList<string> problems = _f.Problems();

        Assert.That(problems, Does.Contain($"{name} is not a list"));
        Assert.That(problems, Has.None.StartsWith("bundle is malformed"));
    }

    [Test]
    public void Every_problem_of_a_receipt_is_listed_after_its_index()
    {
        JObject receipt = (JObject)_f.Artifact("receipts.json")[3]!;
        receipt["alg"] = "HS256";
        receipt["signature"] = "zz";
        _f.Reseal();

        Assert.That(_f.Problems(), Does.Contain("receipt 3: unsupported receipt alg, malformed receipt signature"));
    }

    [Test]
    public void A_receipt_signed_under_the_camel_case_stream_name_belongs_to_the_stream()
    {
        JArray receipts = _f.Artifact("receipts.json");
        ResignAll(receipts, (index, payload) =>
        {
            if (index == 0)
            {
                payload["streamId"] = payload["stream_id"];
                payload.Remove("stream_id");
            }
        });
        _f.Reseal();

        Assert.That(_f.Problems(ResignedKeys()), Is.Empty);
    }

    [Test]
    public void A_receipt_signed_for_another_stream_is_named()
    {
        ResignAll(_f.Artifact("receipts.json"), (index, payload) =>
        {
            if (index == 2)
            {
                payload["stream_id"] = "str_other";
            }
        });
        _f.Reseal();

        Assert.That(_f.Problems(ResignedKeys()), Does.Contain("receipt 2: belongs to another stream"));
    }

    [Test]
    public void A_repeated_seq_no_is_named_with_the_index_of_the_repeat()
    {
        JArray receipts = _f.Artifact("receipts.json");
        long seqNo = (long)receipts[4]!["payload"]!["seq_no"]!;
        receipts.Add(receipts[4]!.DeepClone());
        _f.Reseal();

        Assert.That(_f.Problems(), Is.EqualTo(new[] { $"receipt {receipts.Count - 1}: seq_no {seqNo} appears twice" }));
    }

    [Test]
    public void Each_check_lists_twenty_problems_and_counts_the_rest_under_its_own_name()
    {
        JArray receipts = _f.Artifact("receipts.json");
        JArray windows = _f.Artifact("windows.json");
        JArray checkpoints = _f.Artifact("checkpoints.json");
        for (int i = 0; i < 23; i++)
        {
            receipts.Add(receipts[0]!.DeepClone());
            windows.Add(1);
            checkpoints.Add(1);
        }

        _f.Reseal();
        IReadOnlyList<string> problems = _f.Problems();

        Assert.That(problems, Does.Contain("receipt_signatures: 3 more problems not listed"));
        Assert.That(problems, Does.Contain("window_inclusion: 3 more problems not listed"));
        Assert.That(problems, Does.Contain("checkpoint_consistency: 3 more problems not listed"));
        Assert.That(problems.Count(p => p == "a window is malformed or repeated"), Is.EqualTo(20));
    }

    [Test]
    public void A_checkpoint_without_witness_signatures_fails_its_quorum_not_the_bundle()
    {
        JObject checkpoint = _f.Checkpoint(0);
        checkpoint.Remove("witness_signatures");
        _f.Reseal();

        IReadOnlyList<string> problems = _f.Problems();

        Assert.That(problems, Has.Some.StartsWith($"witness quorum not met for checkpoint {checkpoint["checkpoint_id"]}: 0 of "));
        Assert.That(problems, Has.None.StartsWith("bundle is malformed"));
    }

    [Test]
    public void Checkpoints_listed_out_of_order_are_checked_in_range_order()
    {
        JArray checkpoints = _f.Artifact("checkpoints.json");
        var reversed = new JArray(checkpoints.Reverse().Select(c => c.DeepClone()));
        _f.Bundle["artifacts"]!["checkpoints.json"] = reversed;
        _f.Reseal();

        Assert.That(_f.Problems(), Is.Empty);
    }

    [Test]
    public void A_missing_middle_checkpoint_is_a_coverage_gap()
    {
        _f.Artifact("checkpoints.json").RemoveAt(1);
        _f.Reseal();

        Assert.That(_f.Problems(), Does.Contain($"checkpoints do not cover seq_no {From}..{To} exactly and contiguously"));
    }

    private VerifierBundleKeys ResignedKeys() => new(TestKey.PublicKey.ToHex(), _f.Ledger.WitnessPublicKeys) { AllowMock = true };

    private static void ResignAll(JArray receipts, Action<int, JObject> edit)
    {
        for (int i = 0; i < receipts.Count; i++)
        {
            var payload = (JObject)receipts[i]!["payload"]!.DeepClone();
            edit(i, payload);
            receipts[i] = ReceiptSigning.Sign(payload, TestKey, "attesto-test-ed25519", mock: true);
        }
    }
}
