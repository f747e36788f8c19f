using Newtonsoft.Json.Linq;
using static Lucairn.Tests.Verification.Reading.ReaderProblems;

namespace Lucairn.Tests.Verification.Reading;

/// <summary>The optional <c>attestation</c> object: its own type and its three opaque blocks.</summary>
public class AttestationReadingTests
{
    [Test]
    public void Attestation_of_another_type_is_reported() =>
        Assert.That(Problem(c => c["attestation"] = "x"), Is.EqualTo("'attestation' must be an object or null, got a string."));

    [Test]
    public void Attestation_that_is_an_array_is_walked_past_and_reported() =>
        Assert.That(
            Problem(c => c["attestation"] = new JArray(new JObject { ["notary"] = null }, 2)),
            Is.EqualTo("'attestation' must be an object or null, got an array."));

    [Test]
    public void Attestation_of_another_type_first_in_the_object_is_reported()
    {
        string json = Real(c => c.Remove("attestation")).Replace("{\"certificate_id\"", "{\"attestation\":false,\"certificate_id\"", StringComparison.Ordinal);
        Assert.That(json, Does.StartWith("{\"attestation\":false,"));

        Assert.That(Problem(json), Is.EqualTo("'attestation' must be an object or null, got false."));
    }

    [Test]
    public void Null_attestation_is_accepted() =>
        Assert.DoesNotThrow(() => CertificateReader.Read(Real(c => c["attestation"] = JValue.CreateNull())));

    [TestCase("timestamp")]
    [TestCase("transparency_log")]
    [TestCase("notary")]
    public void An_attestation_block_of_another_type_is_named(string member) =>
        Assert.That(Problem(c => c["attestation"]![member] = 7), Is.EqualTo($"'attestation.{member}' must be an object or null, got the integer 7."));

    [Test]
    public void Other_attestation_members_are_skipped() =>
        Assert.DoesNotThrow(() => CertificateReader.Read(Real(c => c["attestation"]!["other"] = new JArray(1, new JObject()))));
}
