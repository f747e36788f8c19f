using Newtonsoft.Json.Linq;
using static Lucairn.Tests.Verification.Reading.ReaderProblems;

namespace Lucairn.Tests.Verification.Reading;

/// <summary>The certificate's own members: each one's path and expected type in problems, and the protocol version text.</summary>
public class TopLevelReadingTests
{
    [TestCase("certificate_id")]
    [TestCase("request_id")]
    [TestCase("issued_at")]
    [TestCase("witness_signature")]
    [TestCase("witness_key_id")]
    public void A_required_string_member_of_another_type_is_named(string member) =>
        Assert.That(Problem(c => c[member] = 7), Is.EqualTo($"'{member}' must be a string, got the integer 7."));

    [TestCase("client_id")]
    [TestCase("api_key_id")]
    [TestCase("signable_v2_signature")]
    [TestCase("signable_v3_signature")]
    public void An_optional_string_member_of_another_type_is_named(string member) =>
        Assert.That(Problem(c => c[member] = 7), Is.EqualTo($"'{member}' must be a string or null, got the integer 7."));

    [TestCase("formal_verification")]
    [TestCase("audit_integrity")]
    [TestCase("privacy_budget")]
    public void An_opaque_block_of_another_type_is_named(string member) =>
        Assert.That(Problem(c => c[member] = 7), Is.EqualTo($"'{member}' must be an object or null, got the integer 7."));

    [Test]
    public void A_protocol_version_of_another_type_is_reported() =>
        Assert.That(Problem(c => c["protocol_version"] = "2"), Is.EqualTo("'protocol_version' must be an integer, got a string."));

    [Test]
    public void A_protocol_version_array_is_walked_past_and_reported() =>
        Assert.That(Problem(c => c["protocol_version"] = new JArray(2, 3)), Is.EqualTo("'protocol_version' must be an integer, got an array."));

    [Test]
    public void A_non_integer_protocol_version_is_reported() =>
        Assert.That(Problem(c => c["protocol_version"] = new JValue(2.5m)), Is.EqualTo("'protocol_version' must be an integer, got the non-integer number 2.5."));

    [TestCase(2, "2", true)]
    [TestCase(3, "3", false)]
    [TestCase(1, "1", false)]
    [TestCase(20, "20", false)]
    public void The_protocol_version_text_is_the_number_as_written(int version, string text, bool supported)
    {
        CertificateFields fields = CertificateReader.Read(Real(c => c["protocol_version"] = version));

        Assert.That(fields.ProtocolVersionText, Is.EqualTo(text));
        Assert.That(fields.ProtocolVersionIsSupported, Is.EqualTo(supported));
    }

    [Test]
    public void An_unsupported_protocol_version_is_named_in_the_failure()
    {
        LucairnCertificateException error = CertificateFixtures.Fails(Real(c => c["protocol_version"] = 3), CertificateFixtures.ProductionKeys);

        Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.UnsupportedProtocolVersion));
        Assert.That(error.Message, Does.EndWith("protocol_version 3 is not supported (expected 2)."));
    }

    [Test]
    public void A_missing_required_member_is_named() =>
        Assert.That(Problem(c => c.Remove("witness_key_id")), Is.EqualTo("the required member 'witness_key_id' is missing."));
}
