using System.Numerics;
using Newtonsoft.Json.Linq;
using static Lucairn.Tests.Verification.Reading.ReaderProblems;

namespace Lucairn.Tests.Verification.Reading;

/// <summary>The optional <c>anchor_status</c> object: its own type, its required status and its optional members.</summary>
public class AnchorStatusReadingTests
{
    [Test]
    public void Anchor_status_of_another_type_is_reported() =>
        Assert.That(Problem(c => c["anchor_status"] = 7), Is.EqualTo("'anchor_status' must be an object or null, got the integer 7."));

    [Test]
    public void Anchor_status_that_is_an_array_is_walked_past_and_reported() =>
        Assert.That(
            Problem(c => c["anchor_status"] = new JArray(new JObject { ["status"] = "ANCHOR_STATUS_ANCHORED" }, 2)),
            Is.EqualTo("'anchor_status' must be an object or null, got an array."));

    [Test]
    public void Anchor_status_of_another_type_before_other_members_is_reported()
    {
        string json = Real(c => c["anchor_status"] = 7).Replace("{\"certificate_id\"", "{\"anchor_status\":7,\"certificate_id\"", StringComparison.Ordinal);
        json = json.Replace(",\"anchor_status\":7,\"api_key_id\"", ",\"api_key_id\"", StringComparison.Ordinal);
        Assert.That(json, Does.StartWith("{\"anchor_status\":7,"));

        Assert.That(Problem(json), Is.EqualTo("'anchor_status' must be an object or null, got the integer 7."));
    }

    [Test]
    public void Null_anchor_status_is_accepted() =>
        Assert.That(CertificateReader.Read(Real(c => c["anchor_status"] = JValue.CreateNull())).AnchorStatus, Is.EqualTo(default(VeilAnchorStatus)));

    [Test]
    public void An_empty_anchor_status_misses_its_status() =>
        Assert.That(Problem(c => c["anchor_status"] = new JObject()), Is.EqualTo("the required member 'anchor_status.status' is missing."));

    [Test]
    public void An_anchor_status_without_status_misses_it() =>
        Assert.That(Problem(c => ((JObject)c["anchor_status"]!).Remove("status")), Is.EqualTo("the required member 'anchor_status.status' is missing."));

    [Test]
    public void A_status_of_another_type_is_named() =>
        Assert.That(Problem(c => c["anchor_status"]!["status"] = 7), Is.EqualTo("'anchor_status.status' must be a string, got the integer 7."));

    [Test]
    public void An_unknown_status_is_named_with_the_known_ones() =>
        Assert.That(
            Problem(c => c["anchor_status"]!["status"] = "ANCHOR_STATUS_LOST"),
            Is.EqualTo($"'anchor_status.status' has the unknown value 'ANCHOR_STATUS_LOST' (expected one of {WireEnum<VeilAnchorStatus>.Names})."));

    [Test]
    public void An_unknown_value_longer_than_40_characters_is_shortened()
    {
        string value = new('X', 41);
        Assert.That(
            Problem(c => c["anchor_status"]!["status"] = value),
            Is.EqualTo($"'anchor_status.status' has the unknown value '{value[..40]}…' (expected one of {WireEnum<VeilAnchorStatus>.Names})."));
    }

    [Test]
    public void The_status_is_read() =>
        Assert.That(CertificateReader.Read(CertificateFixtures.RealV3).AnchorStatus, Is.EqualTo(VeilAnchorStatus.Anchored));

    [Test]
    public void Attempts_that_are_a_string_are_named() =>
        Assert.That(Problem(c => c["anchor_status"]!["attempts"] = "3"), Is.EqualTo("'anchor_status.attempts' must be an integer or null, got a string."));

    [Test]
    public void Attempts_that_are_not_an_integer_are_named() =>
        Assert.That(Problem(c => c["anchor_status"]!["attempts"] = new JValue(1.5m)), Is.EqualTo("'anchor_status.attempts' must be an integer or null, got the non-integer number 1.5."));

    [Test]
    public void Attempts_beyond_64_bits_are_named()
    {
        Assert.That(
            Problem(c => c["anchor_status"]!["attempts"] = new JValue(BigInteger.Parse("9223372036854775808"))),
            Is.EqualTo("'anchor_status.attempts' is outside the 64-bit integer range."));
        Assert.DoesNotThrow(() => CertificateReader.Read(Real(c => c["anchor_status"]!["attempts"] = long.MaxValue)));
        Assert.DoesNotThrow(() => CertificateReader.Read(Real(c => c["anchor_status"]!["attempts"] = JValue.CreateNull())));
    }

    [TestCase("last_error")]
    [TestCase("human_note")]
    public void An_optional_note_of_another_type_is_named(string member) =>
        Assert.That(Problem(c => c["anchor_status"]![member] = 7), Is.EqualTo($"'anchor_status.{member}' must be a string or null, got the integer 7."));

    [Test]
    public void An_unknown_member_with_an_object_value_is_skipped() =>
        Assert.That(
            CertificateReader.Read(Real(c => c["anchor_status"]!["extra"] = new JObject { ["a"] = new JArray(1) })).AnchorStatus,
            Is.EqualTo(VeilAnchorStatus.Anchored));
}
