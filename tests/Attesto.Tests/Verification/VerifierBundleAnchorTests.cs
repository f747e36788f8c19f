using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Verification;

/// <summary>Every condition and message of the bundle's anchor_reference check.</summary>
public class VerifierBundleAnchorTests
{
    private BundleFixture _f = null!;

    [SetUp]
    public void Build() => _f = BundleFixture.Create();

    private string CheckpointId(int index) => (string)_f.Checkpoint(index)["checkpoint_id"]!;

    private string AnchorId(int index) => (string)_f.Checkpoint(index)["anchor_epoch_id"]!;

    private IReadOnlyList<string> ResealedProblems(VerifierBundleKeys? keys = null)
    {
        _f.Reseal();
        return _f.Problems(keys);
    }

    [Test]
    public void Anchors_that_are_not_a_list_are_named()
    {
        _f.Bundle["artifacts"]!["anchors.json"] = new JObject();
        Assert.That(ResealedProblems(), Is.EqualTo(new[] { "anchors.json is not a list" }));
    }

    [Test]
    public void A_checkpoint_without_an_anchor_id_has_no_anchor()
    {
        _f.Checkpoint(0).Remove("anchor_epoch_id");
        Assert.That(ResealedProblems(), Is.EqualTo(new[] { $"checkpoint {CheckpointId(0)} has no anchor in the bundle" }));
    }

    [Test]
    public void A_checkpoint_naming_an_anchor_the_bundle_lacks_has_no_anchor()
    {
        _f.Checkpoint(1)["anchor_epoch_id"] = "aep_elsewhere";
        Assert.That(ResealedProblems(), Is.EqualTo(new[] { $"checkpoint {CheckpointId(1)} has no anchor in the bundle" }));

        Build();
        _f.Artifact("anchors.json").RemoveAt(2);
        Assert.That(ResealedProblems(), Is.EqualTo(new[] { $"checkpoint {CheckpointId(2)} has no anchor in the bundle" }));
    }

    [Test]
    public void An_anchor_may_be_keyed_by_id_and_non_objects_in_the_list_are_ignored()
    {
        JObject anchor = _f.Anchor(0);
        anchor["id"] = anchor["anchor_epoch_id"];
        anchor.Remove("anchor_epoch_id");
        _f.Artifact("anchors.json").Add(1);
        _f.Artifact("anchors.json").Add("x");
        _f.Artifact("anchors.json").Add(new JObject { ["status"] = "confirmed" });
        Assert.That(ResealedProblems(), Is.Empty);
    }

    [TestCase("pending")]
    [TestCase(null)]
    public void An_anchor_that_is_not_confirmed_is_named(string? status)
    {
        if (status is null)
        {
            _f.Anchor(1).Remove("status");
        }
        else
        {
            _f.Anchor(1)["status"] = status;
        }

        Assert.That(ResealedProblems(), Is.EqualTo(new[] { $"anchor {AnchorId(1)} not confirmed" }));
    }

    [Test]
    public void A_mock_anchor_needs_the_mock_opt_in()
    {
        _f.Anchor(0)["mock"] = false;
        IReadOnlyList<string> strict = ResealedProblems(_f.Keys with { AllowMock = false });
        Assert.That(strict, Does.Not.Contain($"mock anchor {AnchorId(0)}"));
        Assert.That(strict, Does.Contain($"mock anchor {AnchorId(1)}"));
        Assert.That(strict, Does.Contain($"mock anchor {AnchorId(2)}"));
        Assert.That(_f.Problems(), Is.Empty);
    }

    [Test]
    public void An_anchor_that_does_not_name_the_checkpoint_is_named()
    {
        string expected = $"anchor {AnchorId(0)} does not name checkpoint {CheckpointId(0)} or has no root";
        _f.Anchor(0)["checkpoint_ids"] = new JArray(new JObject(), new JArray(), CheckpointId(1));
        Assert.That(ResealedProblems(), Is.EqualTo(new[] { expected }));

        _f.Anchor(0).Remove("checkpoint_ids");
        Assert.That(ResealedProblems(), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void An_anchor_without_a_root_is_named()
    {
        _f.Anchor(2).Remove("merkle_root");
        Assert.That(ResealedProblems(), Is.EqualTo(new[] { $"anchor {AnchorId(2)} does not name checkpoint {CheckpointId(2)} or has no root" }));
    }

    [TestCase("epoch_root")]
    [TestCase("root")]
    public void The_root_may_be_spelt_epoch_root_or_root(string name)
    {
        JObject anchor = _f.Anchor(0);
        anchor[name] = anchor["merkle_root"];
        anchor.Remove("merkle_root");
        Assert.That(ResealedProblems(), Is.Empty);
    }

    [Test]
    public void The_root_is_compared_without_0x_and_letter_case()
    {
        _f.Anchor(0)["merkle_root"] = "0X" + ((string)_f.Anchor(0)["merkle_root"]!).ToUpperInvariant();
        Assert.That(ResealedProblems(), Is.Empty);
    }

    [Test]
    public void An_anchor_over_checkpoints_outside_the_bundle_cannot_be_recomputed()
    {
        var later = BundleFixture.Create(first: 1);
        var anchor = (JObject)later.Artifact("anchors.json")[0]!;
        ((JArray)anchor["checkpoint_ids"]!).Add(later.CheckpointIds[0]);
        later.Reseal();
        Assert.That(later.Problems(), Is.EqualTo(new[] { $"anchor {anchor["anchor_epoch_id"]} covers checkpoints outside the bundle; its root cannot be recomputed" }));
    }

    [Test]
    public void A_wrong_anchor_root_is_named()
    {
        _f.Anchor(1)["merkle_root"] = new string('d', 64);
        Assert.That(ResealedProblems(), Is.EqualTo(new[] { $"anchor root mismatch: {AnchorId(1)}" }));
    }

    [Test]
    public void An_anchor_shared_by_two_checkpoints_is_recomputed_over_both_and_its_expectations_are_checked_once()
    {
        string shared = AnchorId(0);
        JObject anchor = _f.Anchor(0);
        anchor["checkpoint_ids"] = new JArray(CheckpointId(0), CheckpointId(1));
        anchor["merkle_root"] = AttestoHashes.AnchorRoot([(string)_f.Checkpoint(0)["checkpoint_hash"]!, (string)_f.Checkpoint(1)["checkpoint_hash"]!]);
        _f.Checkpoint(1)["anchor_epoch_id"] = shared;
        Assert.That(ResealedProblems(), Is.Empty);

        Assert.That(_f.Problems(_f.Keys with { ExpectedChainId = 1 }), Is.EqualTo(new[]
        {
            $"chain id mismatch: anchor {shared} states 1337, expected 1",
            $"chain id mismatch: anchor {AnchorId(2)} states 1337, expected 1",
        }));

        anchor["checkpoint_ids"] = new JArray(CheckpointId(1), CheckpointId(0));
        Assert.That(ResealedProblems(), Is.EqualTo(new[] { $"anchor root mismatch: {shared}", $"anchor root mismatch: {shared}" }), "order counts");
    }

    [Test]
    public void Beyond_twenty_anchor_problems_the_rest_are_counted_under_anchor_reference()
    {
        var many = BundleFixture.Create(checkpoints: 21, eventsPerCheckpoint: 1);
        foreach (JToken anchor in many.Artifact("anchors.json"))
        {
            anchor["status"] = "pending";
        }

        many.Reseal();
        IReadOnlyList<string> problems = many.Problems();
        Assert.That(problems, Has.Count.EqualTo(21));
        Assert.That(problems.Take(20), Has.All.EndWith(" not confirmed"));
        Assert.That(problems[20], Is.EqualTo("anchor_reference: 1 more problems not listed"));
    }
}
