using Attesto.Testing;
using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Verification;

public class VerifierBundleTests
{
    private MockLedger _ledger = null!;
    private JObject _result = null!;

    private JObject Bundle => (JObject)_result["bundle"]!;

    private VerifierBundleKeys Keys => new(_ledger.ReceiptPublicKeyHex, _ledger.WitnessPublicKeys) { AllowMock = true };

    [SetUp]
    public void BuildBundle()
    {
        _ledger = new MockLedger(new MockAttestoOptions { WindowSize = 5 });
        string streamId = (string)_ledger.CreateStream("u", "p")["stream_id"]!;
        var checkpoints = new List<string>();
        for (int c = 0; c < 3; c++)
        {
            _ledger.AppendBatch(streamId, new JArray(Enumerable.Range(1, 7).Select(i => new JObject
            {
                ["source_ref"] = $"c{c}-{i}", ["event_type"] = "t", ["occurred_at"] = "2026-06-07T12:00:00+00:00", ["payload"] = new JObject { ["i"] = i },
            })));
            checkpoints.Add((string)_ledger.Checkpoint(streamId)["checkpoint_id"]!);
        }

        _result = _ledger.Bundle(checkpoints[0], checkpoints[2]);
    }

    [Test]
    public void Intact_bundle_passes_every_check()
    {
        VerifierBundleReport report = VerifierBundle.Verify(Bundle, Keys with { ExpectedBundleHash = (string)_result["bundle_hash"]! });
        Assert.That(report.Problems, Is.Empty);
        Assert.That(report.Ok, Is.True);
        Assert.That(report.Kind, Is.EqualTo("bundle"));
        Assert.That(report.Checked, Is.EqualTo(new[] { "manifest_digest", "receipt_signatures", "stream_sequence", "window_inclusion", "checkpoint_consistency", "witness_quorum", "anchor_reference" }));
    }

    [Test]
    public void Mock_bundle_needs_opt_in()
    {
        Assert.That(VerifierBundle.Verify(Bundle, new VerifierBundleKeys(_ledger.ReceiptPublicKeyHex, _ledger.WitnessPublicKeys)).Problems, Does.Contain("mock bundle"));
    }

    [Test]
    public void Tampered_artifact_breaks_the_manifest_digest()
    {
        Artifact("receipts.json")[3]!["payload"]!["seq_no"] = 99;
        Assert.That(VerifierBundle.Verify(Bundle, Keys).Problems, Does.Contain("artifact hash mismatch: receipts.json"));
    }

    [Test]
    public void Unexpected_bundle_hash_is_reported()
    {
        Assert.That(VerifierBundle.Verify(Bundle, Keys with { ExpectedBundleHash = new string('a', 64) }).Problems, Is.EqualTo(new[] { "bundle hash mismatch" }));
    }

    [Test]
    public void Forged_receipt_with_a_consistent_manifest_fails_signatures()
    {
        Artifact("receipts.json")[3]!["payload"]!["accepted_at"] = "2030-01-01T00:00:00Z";
        Reseal();
        var problems = VerifierBundle.Verify(Bundle, Keys).Problems;
        Assert.That(problems, Has.Some.Contains("receipt 3: receipt signature mismatch"));
    }

    [Test]
    public void Missing_receipt_breaks_sequence_and_window()
    {
        Artifact("receipts.json").RemoveAt(10);
        Reseal();
        var problems = VerifierBundle.Verify(Bundle, Keys).Problems;
        Assert.That(problems, Has.Some.StartsWith("stream sequence:"));
        Assert.That(problems, Has.Some.Contains("covers events without a valid receipt"));
    }

    [Test]
    public void Altered_window_root_is_caught()
    {
        Artifact("windows.json")[1]!["window_root"] = new string('b', 64);
        Reseal();
        var problems = VerifierBundle.Verify(Bundle, Keys).Problems;
        Assert.That(problems, Has.Some.StartsWith("window root mismatch"));
        Assert.That(problems, Has.Some.StartsWith("checkpoint root mismatch"));
    }

    [Test]
    public void Broken_checkpoint_chain_is_caught()
    {
        Artifact("checkpoints.json")[1]!["previous_checkpoint_hash"] = new string('c', 64);
        Reseal();
        var problems = VerifierBundle.Verify(Bundle, Keys).Problems;
        Assert.That(problems, Has.Some.Contains("previous_checkpoint_hash"));
        Assert.That(problems, Has.Some.StartsWith("checkpoint hash mismatch"));
    }

    [Test]
    public void Witness_quorum_counts_only_trusted_valid_distinct_signatures()
    {
        var signatures = (JArray)Artifact("checkpoints.json")[0]!["witness_signatures"]!;
        signatures[1] = signatures[0].DeepClone(); // the same witness twice
        signatures[2]!["signature"] = new string('0', 128); // a bad signature
        Reseal();
        Assert.That(VerifierBundle.Verify(Bundle, Keys).Problems, Has.Some.StartsWith("witness quorum not met"));

        BuildBundle();
        var onlyOne = _ledger.WitnessPublicKeys.Take(1).ToDictionary(k => k.Key, k => k.Value);
        Assert.That(VerifierBundle.Verify(Bundle, new VerifierBundleKeys(_ledger.ReceiptPublicKeyHex, onlyOne) { AllowMock = true }).Problems, Has.Some.StartsWith("witness quorum not met"));
        Assert.That(VerifierBundle.Verify(Bundle, new VerifierBundleKeys(_ledger.ReceiptPublicKeyHex, new Dictionary<string, string>()) { AllowMock = true }).Problems, Does.Contain("no trusted witness keys supplied"));
        Assert.That(VerifierBundle.Verify(Bundle, Keys with { MinimumQuorum = 4 }).Problems, Has.Some.StartsWith("witness quorum not met"));
    }

    [Test]
    public void Witness_quorum_counts_a_case_variant_id_of_one_witness_once()
    {
        var signatures = (JArray)Artifact("checkpoints.json")[0]!["witness_signatures"]!;
        JToken first = signatures[0].DeepClone();
        signatures.Clear();
        signatures.Add(first);
        JToken copy = first.DeepClone();
        copy["witness_id"] = ((string)first["witness_id"]!).ToUpperInvariant();
        signatures.Add(copy);
        Reseal();

        var caseInsensitive = new Dictionary<string, string>(_ledger.WitnessPublicKeys, StringComparer.OrdinalIgnoreCase);
        var problems = VerifierBundle.Verify(Bundle, new VerifierBundleKeys(_ledger.ReceiptPublicKeyHex, caseInsensitive) { AllowMock = true }).Problems;
        Assert.That(problems, Has.Some.StartsWith($"witness quorum not met for checkpoint {Artifact("checkpoints.json")[0]!["checkpoint_id"]}: 1 of 2"));
    }

    [Test]
    public void Witness_quorum_counts_two_trusted_ids_with_the_same_key_once()
    {
        var signatures = (JArray)Artifact("checkpoints.json")[0]!["witness_signatures"]!;
        JToken first = signatures[0].DeepClone();
        signatures.Clear();
        signatures.Add(first);
        JToken alias = first.DeepClone();
        alias["witness_id"] = "wit_alias";
        signatures.Add(alias);
        Reseal();

        var trusted = new Dictionary<string, string>(_ledger.WitnessPublicKeys, StringComparer.Ordinal);
        string sharedKey = trusted[(string)first["witness_id"]!];
        trusted["wit_alias"] = sharedKey.ToUpperInvariant(); // the same key, spelt differently
        var problems = VerifierBundle.Verify(Bundle, new VerifierBundleKeys(_ledger.ReceiptPublicKeyHex, trusted) { AllowMock = true }).Problems;
        Assert.That(problems, Has.Some.Contains(": 1 of 2"));
    }

    [TestCase("receipts.json", "[1]")]
    [TestCase("receipts.json", "[\"x\"]")]
    [TestCase("receipts.json", "[null]")]
    [TestCase("receipts.json", "[[]]")]
    [TestCase("receipts.json", "[{\"payload\": 1}]")]
    [TestCase("receipts.json", "[{\"payload\": {\"seq_no\": [], \"event_hash\": {}}}]")]
    [TestCase("windows.json", "[1, null, \"x\", [], {\"window_id\": []}]")]
    [TestCase("checkpoints.json", "[1, null, \"x\", [], {\"checkpoint_id\": {}}]")]
    [TestCase("checkpoints.json", "[{\"checkpoint_id\": \"c\", \"from_seq_no\": 1, \"to_seq_no\": 2, \"checkpoint_hash\": \"aa\", \"checkpoint_root\": \"bb\", \"window_ids\": [{}, []], \"witness_signatures\": 1}]")]
    [TestCase("witnesses.json", "1")]
    [TestCase("witnesses.json", "{\"quorum\": \"x\"}")]
    [TestCase("anchors.json", "[1, null, \"x\", [], {\"anchor_epoch_id\": []}, {\"anchor_epoch_id\": \"a\", \"checkpoint_ids\": [{}, []]}]")]
    public void Malformed_member_shapes_give_a_failed_report_not_an_exception(string artifact, string json)
    {
        Bundle["artifacts"]![artifact] = JToken.Parse(json);
        Reseal();
        VerifierBundleReport report = null!;
        Assert.That(() => report = VerifierBundle.Verify(Bundle, Keys), Throws.Nothing);
        Assert.That(report.Ok, Is.False);
        Assert.That(report.Problems, Is.Not.Empty);
    }

    [Test]
    public void Policy_quorum_beyond_Int32_is_not_truncated()
    {
        Bundle["artifacts"]!["witnesses.json"]!["quorum"] = 4294967298L; // 2^32 + 2 would wrap to 2
        Reseal();
        Assert.That(VerifierBundle.Verify(Bundle, Keys).Problems, Has.Some.Contains(": 3 of 4294967298"));
    }

    [Test]
    public void Malformed_checkpoint_members_in_an_otherwise_valid_bundle_fail_closed()
    {
        var checkpoint = (JObject)Artifact("checkpoints.json")[0]!;
        checkpoint["window_ids"] = new JArray(new JObject(), new JArray());
        ((JArray)checkpoint["witness_signatures"]!).Add(1);
        ((JArray)checkpoint["witness_signatures"]!).Add(new JObject { ["witness_id"] = new JArray(), ["signature"] = new JObject() });
        ((JObject)Artifact("anchors.json")[0]!)["checkpoint_ids"] = new JArray(new JObject());
        Reseal();
        VerifierBundleReport report = null!;
        Assert.That(() => report = VerifierBundle.Verify(Bundle, Keys), Throws.Nothing);
        Assert.That(report.Ok, Is.False);
    }

    [Test]
    public void Expected_contract_and_chain_must_be_what_the_anchors_name()
    {
        string contract = (string)Artifact("anchors.json")[0]!["contract_address"]!;
        string chainId = (string)Artifact("anchors.json")[0]!["chain_id"]!;
        Assert.That(VerifierBundle.Verify(Bundle, Keys with { ExpectedContractAddress = contract.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), ExpectedChainId = long.Parse(chainId, System.Globalization.CultureInfo.InvariantCulture) }).Problems, Is.Empty);

        const string Trusted = "0x00000000000000000000000000000000000a7e57";
        var problems = VerifierBundle.Verify(Bundle, Keys with { ExpectedContractAddress = Trusted, ExpectedChainId = 1 }).Problems;
        string anchorId = (string)Artifact("anchors.json")[0]!["anchor_epoch_id"]!;
        Assert.That(problems, Does.Contain($"contract address mismatch: anchor {anchorId} names {contract}, expected {Trusted}"));
        Assert.That(problems, Does.Contain($"chain id mismatch: anchor {anchorId} states {chainId}, expected 1"));

        Assert.Throws<AttestoValidationException>(() => VerifierBundle.Verify(Bundle, Keys with { ExpectedContractAddress = "0x1234" }));
    }

    [Test]
    public void Anchor_problems_are_caught()
    {
        Artifact("anchors.json")[0]!["merkle_root"] = new string('d', 64);
        Artifact("anchors.json")[1]!["status"] = "pending";
        ((JArray)Artifact("anchors.json"))[2]!.Remove();
        Reseal();
        var problems = VerifierBundle.Verify(Bundle, Keys).Problems;
        Assert.That(problems, Has.Some.StartsWith("anchor root mismatch"));
        Assert.That(problems, Has.Some.EndsWith("not confirmed"));
        Assert.That(problems, Has.Some.EndsWith("has no anchor in the bundle"));
    }

    [Test]
    public void Malformed_bundles_fail_closed()
    {
        Assert.That(VerifierBundle.Verify(new JObject(), Keys).Ok, Is.False);
        Bundle["artifacts"]!["windows.json"] = "not a list";
        Reseal();
        Assert.That(VerifierBundle.Verify(Bundle, Keys).Problems, Does.Contain("windows.json is not a list"));
        Bundle["artifacts"]!["extra.json"] = new JArray();
        Assert.That(VerifierBundle.Verify(Bundle, Keys).Problems, Does.Contain("artifact not covered by the manifest: extra.json"));
        Assert.That(() => VerifierBundle.Verify(null!, Keys), Throws.TypeOf<AttestoValidationException>());
    }

    private JArray Artifact(string name) => (JArray)Bundle["artifacts"]![name]!;

    /// <summary>Recomputes the manifest hashes, so a test reaches the deeper check it targets.</summary>
    private void Reseal()
    {
        var manifest = (JObject)Bundle["manifest"]!;
        foreach (JProperty artifact in ((JObject)Bundle["artifacts"]!).Properties())
        {
            if (manifest["artifact_hashes"]![artifact.Name] is not null)
            {
                manifest["artifact_hashes"]![artifact.Name] = AttestoHashes.ArtifactHash(artifact.Value);
            }
        }

        Bundle.Remove("bundle_hash");
        _result["bundle_hash"] = AttestoHashes.ManifestDigest(manifest);
    }
}
