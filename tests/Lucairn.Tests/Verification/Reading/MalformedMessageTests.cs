using System.Numerics;
using Newtonsoft.Json.Linq;

namespace Lucairn.Tests.Verification.Reading;

/// <summary>
/// The text of a shape problem: the member's path (plain, under an owner, or in a claim), what it
/// must be, and what it was, with long numbers shortened; only the first problem is reported.
/// </summary>
public class MalformedMessageTests
{
    private static string Problem(Action<JObject> mutate) => ReaderProblems.Problem(mutate);

    [Test]
    public void A_claim_member_is_named_with_its_claim_index() =>
        Assert.That(Problem(c => c["claims"]![0]!["claim_id"] = 5), Is.EqualTo("'claims[0].claim_id' must be a string, got the integer 5."));

    [Test]
    public void A_member_under_an_owner_is_named_owner_dot_member() =>
        Assert.That(Problem(c => c["anchor_status"]!["human_note"] = true), Is.EqualTo("'anchor_status.human_note' must be a string or null, got true."));

    [Test]
    public void A_top_level_member_is_named_alone() =>
        Assert.That(Problem(c => c["request_id"] = new JArray()), Is.EqualTo("'request_id' must be a string, got an array."));

    [Test]
    public void A_string_false_and_null_are_described_by_their_json_names()
    {
        Assert.That(Problem(c => c["verification"]!["signatures_valid"] = "yes"), Is.EqualTo("'verification.signatures_valid' must be a boolean, got a string."));
        Assert.That(Problem(c => c["anchor_status"]!["human_note"] = false), Is.EqualTo("'anchor_status.human_note' must be a string or null, got false."));
        Assert.That(Problem(c => c["verification"]!["signatures_valid"] = JValue.CreateNull()), Is.EqualTo("'verification.signatures_valid' must be a boolean, got null."));
    }

    [Test]
    public void A_non_integer_number_is_described_as_one() =>
        Assert.That(Problem(c => c["claims"]![0]!["claim_id"] = new JValue(1.5m)), Is.EqualTo("'claims[0].claim_id' must be a string, got the non-integer number 1.5."));

    [Test]
    public void A_number_of_40_characters_is_shown_whole_and_one_of_41_is_cut_at_40()
    {
        string forty = new('7', 40);
        Assert.That(
            Problem(c => c["claims"]![0]!["claim_id"] = new JValue(BigInteger.Parse(forty))),
            Is.EqualTo($"'claims[0].claim_id' must be a string, got the integer {forty}."));
        Assert.That(
            Problem(c => c["claims"]![0]!["claim_id"] = new JValue(BigInteger.Parse(forty + "8"))),
            Is.EqualTo($"'claims[0].claim_id' must be a string, got the integer {forty}…."));
    }

    [Test]
    public void Only_the_first_problem_is_reported() =>
        Assert.That(
            Problem(c =>
            {
                c["request_id"] = new JObject();
                c["anchor_status"]!["human_note"] = 3;
            }),
            Is.EqualTo("'request_id' must be a string, got an object."));
}
