using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Verification;

/// <summary>The bundle's arguments, mock flags, manifest and bundle hash, and content that cannot be read.</summary>
public class VerifierBundleManifestTests
{
    private const string NoRange = "manifest lacks a valid stream_id, from_seq_no or to_seq_no";

    private BundleFixture _f = null!;

    [SetUp]
    public void Build() => _f = BundleFixture.Create();

    [Test]
    public void Null_keys_and_a_negative_expected_chain_id_are_argument_errors()
    {
        var nullKeys = Assert.Throws<AttestoValidationException>(() => VerifierBundle.Verify(_f.Bundle, null!));
        Assert.That(nullKeys!.ParamName, Is.EqualTo("keys"));
        var negative = Assert.Throws<AttestoValidationException>(() => VerifierBundle.Verify(_f.Bundle, _f.Keys with { ExpectedChainId = -1 }));
        Assert.That(negative!.Message, Does.Contain("-1"));
        Assert.That(_f.Problems(_f.Keys with { ExpectedChainId = 1337 }), Is.Empty);
    }

    [Test]
    public void A_mock_flag_on_the_bundle_or_on_the_manifest_alone_makes_a_mock_bundle()
    {
        VerifierBundleKeys strict = _f.Keys with { AllowMock = false };
        _f.Manifest.Remove("mock");
        Assert.That(_f.Problems(strict), Does.Contain("mock bundle"), "flag on the bundle only");

        _f.Manifest["mock"] = true;
        _f.Bundle.Remove("mock");
        Assert.That(_f.Problems(strict), Does.Contain("mock bundle"), "flag on the manifest only");
        Assert.That(_f.Problems(), Is.Empty, "allowed");

        _f.Manifest["mock"] = false;
        Assert.That(_f.Problems(strict), Does.Not.Contain("mock bundle"), "no flag set");
    }

    [Test]
    public void A_manifest_of_another_protocol_is_named()
    {
        _f.Manifest["protocol"] = "OTHER-PROTOCOL-001";
        Assert.That(_f.Problems(), Is.EqualTo(new[] { "manifest protocol is not ATTESTO-PROOFSTREAM-001" }));
        _f.Manifest.Remove("protocol");
        Assert.That(_f.Problems(), Is.EqualTo(new[] { "manifest protocol is not ATTESTO-PROOFSTREAM-001" }));
    }

    [Test]
    public void A_manifest_without_artifact_hashes_names_every_artifact()
    {
        _f.Manifest.Remove("artifact_hashes");
        Assert.That(_f.Problems(), Is.EqualTo(new[]
        {
            "artifact missing from bundle or manifest: receipts.json",
            "artifact missing from bundle or manifest: windows.json",
            "artifact missing from bundle or manifest: checkpoints.json",
            "artifact missing from bundle or manifest: witnesses.json",
            "artifact missing from bundle or manifest: anchors.json",
        }));
    }

    [Test]
    public void An_artifact_missing_from_the_bundle_or_from_the_manifest_is_named()
    {
        ((JObject)_f.Manifest["artifact_hashes"]!).Remove("windows.json");
        Assert.That(_f.Problems(), Is.EqualTo(new[] { "artifact missing from bundle or manifest: windows.json" }));

        Build();
        ((JObject)_f.Bundle["artifacts"]!).Remove("anchors.json");
        Assert.That(_f.Problems(), Is.EqualTo(new[] { "artifact missing from bundle or manifest: anchors.json", "anchors.json is not a list" }));
    }

    [Test]
    public void The_callers_expected_bundle_hash_wins_over_the_one_the_bundle_states()
    {
        string right = AttestoHashes.ManifestDigest(_f.Manifest);
        string wrong = new('a', 64);

        _f.Bundle["bundle_hash"] = wrong;
        Assert.That(_f.Problems(), Is.EqualTo(new[] { "bundle hash mismatch" }), "the bundle's own hash is checked");
        Assert.That(_f.Problems(_f.Keys with { ExpectedBundleHash = right }), Is.Empty, "the caller's expectation is used instead");

        _f.Bundle["bundle_hash"] = right;
        Assert.That(_f.Problems(_f.Keys with { ExpectedBundleHash = wrong }), Is.EqualTo(new[] { "bundle hash mismatch" }));

        _f.Bundle.Remove("bundle_hash");
        _f.Bundle["bundleHash"] = wrong;
        Assert.That(_f.Problems(), Is.EqualTo(new[] { "bundle hash mismatch" }), "camelCase spelling");
        _f.Bundle["bundleHash"] = right.ToUpperInvariant();
        Assert.That(_f.Problems(), Is.Empty);
    }

    [TestCase("stream_id")]
    [TestCase("from_seq_no")]
    [TestCase("to_seq_no")]
    public void A_manifest_without_its_stream_range_stops_after_the_manifest_check(string field)
    {
        _f.Manifest.Remove(field);
        Assert.That(_f.Problems(), Is.EqualTo(new[] { NoRange }));
    }

    [TestCase(0, 21)]
    [TestCase(-1, 21)]
    [TestCase(5, 4)]
    public void A_manifest_range_starting_below_one_or_inverted_is_invalid(long from, long to)
    {
        _f.Manifest["from_seq_no"] = from;
        _f.Manifest["to_seq_no"] = to;
        Assert.That(_f.Problems(), Is.EqualTo(new[] { NoRange }));
    }

    [Test]
    public void A_bundle_that_starts_after_the_first_checkpoint_verifies()
    {
        var later = BundleFixture.Create(first: 1);
        Assert.That((long)later.Manifest["from_seq_no"]!, Is.EqualTo(8));
        Assert.That(later.Problems(), Is.Empty);
    }

    [Test]
    public void Content_that_cannot_be_read_is_reported_as_a_malformed_bundle()
    {
        _f.Manifest["protocol"] = new JObject(); // reading it as text throws ArgumentException
        IReadOnlyList<string> problems = _f.Problems();
        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith("bundle is malformed: "));
    }

    [Test]
    public void An_artifact_that_breaks_the_number_policy_is_reported_as_a_malformed_bundle()
    {
        _f.Anchor(0)["fee"] = 1.5; // canonical JSON refuses it with an AttestoUnsafeNumberException
        IReadOnlyList<string> problems = _f.Problems();
        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith("bundle is malformed: "));
    }

    [Test]
    public void An_anchor_over_a_checkpoint_hash_that_is_not_hex_is_reported_as_a_malformed_bundle()
    {
        _f.Checkpoint(2)["checkpoint_hash"] = "not hex";
        _f.Reseal();
        IReadOnlyList<string> problems = _f.Problems();
        Assert.That(problems, Has.Some.StartsWith("bundle is malformed: ").And.Contains("'not hex' is not a 32-byte hex checkpoint hash"));
    }
}
