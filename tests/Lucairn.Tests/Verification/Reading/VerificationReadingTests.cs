using Newtonsoft.Json.Linq;
using static Lucairn.Tests.Verification.Reading.ReaderProblems;

namespace Lucairn.Tests.Verification.Reading;

/// <summary>The <c>verification</c> object: its own type, each member's path and type, and its required members.</summary>
public class VerificationReadingTests
{
    [Test]
    public void Verification_that_is_not_an_object_is_reported() =>
        Assert.That(Problem(c => c["verification"] = 7), Is.EqualTo("'verification' must be an object, got the integer 7."));

    [Test]
    public void Verification_that_is_an_array_is_walked_past_and_reported() =>
        Assert.That(Problem(c => c["verification"] = new JArray(1, new JObject { ["a"] = 1 })), Is.EqualTo("'verification' must be an object, got an array."));

    [TestCase("signatures_valid")]
    [TestCase("temporal_consistent")]
    [TestCase("data_visibility_consistent")]
    [TestCase("isolation_verified")]
    [TestCase("overall_verdict")]
    [TestCase("completeness")]
    public void A_missing_verification_member_is_named(string member) =>
        Assert.That(Problem(c => ((JObject)c["verification"]!).Remove(member)), Is.EqualTo($"the required member 'verification.{member}' is missing."));

    [TestCase("signatures_valid")]
    [TestCase("temporal_consistent")]
    [TestCase("data_visibility_consistent")]
    [TestCase("isolation_verified")]
    [TestCase("byok_exempt")]
    public void A_boolean_member_of_another_type_is_named(string member) =>
        Assert.That(Problem(c => c["verification"]![member] = 1), Is.EqualTo($"'verification.{member}' must be a boolean, got the integer 1."));

    [TestCase("completeness")]
    [TestCase("overall_verdict")]
    public void An_enum_member_of_another_type_is_named(string member) =>
        Assert.That(Problem(c => c["verification"]![member] = true), Is.EqualTo($"'verification.{member}' must be a string, got true."));

    [Test]
    public void An_unknown_verdict_is_named_with_the_known_ones() =>
        Assert.That(
            Problem(c => c["verification"]!["overall_verdict"] = "VERDICT_MAYBE"),
            Is.EqualTo($"'verification.overall_verdict' has the unknown value 'VERDICT_MAYBE' (expected one of {WireEnum<VeilVerdict>.Names})."));

    [Test]
    public void An_unknown_completeness_is_named_with_the_known_ones() =>
        Assert.That(
            Problem(c => c["verification"]!["completeness"] = "COMPLETENESS_SOME"),
            Is.EqualTo($"'verification.completeness' has the unknown value 'COMPLETENESS_SOME' (expected one of {WireEnum<VeilCompleteness>.Names})."));

    [Test]
    public void An_escaped_verdict_is_read_like_the_plain_one()
    {
        string json = Real(_ => { }).Replace("\"VERDICT_PARTIAL\"", "\"\\u0056ERDICT_PARTIAL\"", StringComparison.Ordinal);
        Assert.That(json, Does.Contain("\\u0056ERDICT_PARTIAL"));

        Assert.That(CertificateReader.Read(json).OverallVerdict, Is.EqualTo(VeilVerdict.Partial));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Byok_exempt_is_read(bool value) =>
        Assert.That(CertificateReader.Read(Real(c => c["verification"]!["byok_exempt"] = value)).ByokExempt, Is.EqualTo(value));

    [Test]
    public void Missing_services_of_another_type_are_named_under_verification() =>
        Assert.That(
            Problem(c => c["verification"]!["missing_services"] = 7),
            Is.EqualTo("'verification.missing_services' must be an array of strings, got the integer 7."));

    [Test]
    public void A_missing_service_of_another_type_is_named_by_index() =>
        Assert.That(
            Problem(c => c["verification"]!["missing_services"] = new JArray("dsa-ai", "dsa-audit", 5)),
            Is.EqualTo("'verification.missing_services[2]' must be a string, got the integer 5."));
}
