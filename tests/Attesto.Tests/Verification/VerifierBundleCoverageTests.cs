using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto.Tests.Verification;

/// <summary>Window and checkpoint coverage of the manifest range, the witness quorum, and the cap on problems per check.</summary>
public class VerifierBundleCoverageTests
{
    private const string WindowsDoNotCover = "windows do not cover seq_no 1..21 exactly and contiguously";

    private BundleFixture _f = null!;

    [SetUp]
    public void Build() => _f = BundleFixture.Create();

    [Test]
    public void No_windows_at_all_do_not_cover_the_range()
    {
        _f.Bundle["artifacts"]!["windows.json"] = new JArray();
        _f.Reseal();
        Assert.That(_f.Problems(), Does.Contain(WindowsDoNotCover));
    }

    [Test]
    public void A_window_id_that_is_not_a_string_matches_no_window_not_even_one_with_an_empty_id()
    {
        var window = (JObject)_f.Artifact("windows.json")[0]!;
        string id = (string)window["window_id"]!;
        JObject checkpoint = _f.Artifact("checkpoints.json").Cast<JObject>().First(c => c["window_ids"]!.Any(w => (string?)w == id));
        window["window_id"] = string.Empty;
        var ids = (JArray)checkpoint["window_ids"]!;
        ids[ids.IndexOf(ids.First(w => (string?)w == id))] = 7;
        _f.Reseal();

        Assert.That(_f.Problems(), Does.Contain($"checkpoint {checkpoint["checkpoint_id"]}: its windows are missing or do not cover its range"));
    }

    [Test]
    public void Windows_listed_out_of_order_still_cover_the_range()
    {
        JArray windows = _f.Artifact("windows.json");
        _f.Bundle["artifacts"]!["windows.json"] = new JArray(windows.Reverse());
        _f.Reseal();
        Assert.That(_f.Problems(), Is.Empty);
    }

    [Test]
    public void A_missing_middle_window_leaves_a_gap()
    {
        _f.Artifact("windows.json").RemoveAt(1);
        _f.Reseal();
        Assert.That(_f.Problems(), Does.Contain(WindowsDoNotCover));
    }

    [Test]
    public void Single_event_windows_and_checkpoints_cover_the_range()
    {
        var single = BundleFixture.Create(checkpoints: 3, eventsPerCheckpoint: 1);
        Assert.That(single.Artifact("windows.json").Select(w => (long)w["from_seq_no"]! == (long)w["to_seq_no"]!), Has.All.True);
        Assert.That(single.Problems(), Is.Empty);
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void A_policy_quorum_below_one_is_no_quorum(long quorum)
    {
        _f.Bundle["artifacts"]!["witnesses.json"]!["quorum"] = quorum;
        _f.Reseal();
        Assert.That(_f.Problems(), Is.EqualTo(new[] { "witnesses.json states no quorum" }));
    }

    [Test]
    public void The_policy_quorum_may_be_called_threshold()
    {
        var witnesses = (JObject)_f.Bundle["artifacts"]!["witnesses.json"]!;
        JToken quorum = witnesses["quorum"]!;
        witnesses.Remove("quorum");
        _f.Reseal();
        Assert.That(_f.Problems(), Is.EqualTo(new[] { "witnesses.json states no quorum" }));

        witnesses["threshold"] = quorum;
        _f.Reseal();
        Assert.That(_f.Problems(), Is.Empty);
    }

    [Test]
    public void Exactly_the_quorum_of_valid_signatures_is_enough()
    {
        foreach (JToken checkpoint in _f.Artifact("checkpoints.json"))
        {
            ((JArray)checkpoint["witness_signatures"]!).RemoveAt(2);
        }

        _f.Reseal();
        Assert.That((int)_f.Bundle["artifacts"]!["witnesses.json"]!["quorum"]!, Is.EqualTo(2));
        Assert.That(_f.Problems(), Is.Empty);
    }

    [Test]
    public void A_signature_without_a_witness_id_is_skipped()
    {
        var signatures = (JArray)_f.Checkpoint(0)["witness_signatures"]!;
        var anonymous = (JObject)signatures[0].DeepClone();
        anonymous.Remove("witness_id");
        signatures.Add(anonymous);
        _f.Reseal();
        Assert.That(_f.Problems(), Is.Empty);
    }

    [Test]
    public void A_checkpoint_hash_that_is_not_32_bytes_of_hex_gets_no_witness_at_all()
    {
        // A trusted witness that signed the empty message: it must not count when there is no message to sign.
        var emptySigner = Ed25519PrivateKey.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray());
        var trusted = new Dictionary<string, string>(_f.Ledger.WitnessPublicKeys, StringComparer.Ordinal) { ["wit_empty"] = emptySigner.PublicKey.ToHex() };
        JObject checkpoint = _f.Checkpoint(0);
        checkpoint["checkpoint_hash"] = "abcd";
        ((JArray)checkpoint["witness_signatures"]!).Add(new JObject { ["witness_id"] = "wit_empty", ["signature"] = Hex.Encode(emptySigner.Sign([])) });
        _f.Reseal();

        IReadOnlyList<string> problems = _f.Problems(new VerifierBundleKeys(_f.Ledger.ReceiptPublicKeyHex, trusted) { AllowMock = true });
        Assert.That(problems, Does.Contain($"witness quorum not met for checkpoint {checkpoint["checkpoint_id"]}: 0 of 2"));
    }

    [Test]
    public void Twenty_problems_of_one_check_are_all_listed()
    {
        var twenty = BundleFixture.Create(checkpoints: 20, eventsPerCheckpoint: 1);
        IReadOnlyList<string> problems = twenty.Problems(twenty.Keys with { MinimumQuorum = 4 });
        Assert.That(problems, Has.Count.EqualTo(20));
        Assert.That(problems, Has.All.StartWith("witness quorum not met for checkpoint ").And.EndWith(": 3 of 4"));
    }

    [Test]
    public void Beyond_twenty_problems_of_one_check_the_rest_are_counted()
    {
        var many = BundleFixture.Create(checkpoints: 21, eventsPerCheckpoint: 1);
        IReadOnlyList<string> problems = many.Problems(many.Keys with { MinimumQuorum = 4 });
        Assert.That(problems, Has.Count.EqualTo(21));
        Assert.That(problems.Take(20), Has.All.StartWith("witness quorum not met for checkpoint "));
        Assert.That(problems[20], Is.EqualTo("witness_quorum: 1 more problems not listed"));
    }

    [Test]
    public void Stream_sequence_problems_are_capped_under_their_check_name()
    {
        _f.Manifest["from_seq_no"] = 22;
        _f.Manifest["to_seq_no"] = 22;
        IReadOnlyList<string> problems = _f.Problems();
        Assert.That(problems.Count(p => p.StartsWith("stream sequence: ", StringComparison.Ordinal)), Is.EqualTo(20));
        Assert.That(problems, Does.Contain("stream sequence: seq_no 1 is outside the range 22..22"));
        Assert.That(problems, Does.Contain("stream_sequence: 2 more problems not listed"));
    }
}
