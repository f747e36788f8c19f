using Newtonsoft.Json.Linq;
using static Lucairn.Tests.Verification.Reading.ReaderProblems;

namespace Lucairn.Tests.Verification.Reading;

/// <summary>The document level of <see cref="CertificateReader"/>: null and non-object inputs, and the duplicate-key mask.</summary>
public class DocumentReadingTests
{
    [Test]
    public void Null_text_is_reported_as_null() =>
        Assert.That(Problem((string?)null), Is.EqualTo("the certificate is null, not a JSON object."));

    [Test]
    public void A_null_token_tree_is_reported_as_null() =>
        Assert.That(Problem((JToken?)null), Is.EqualTo("the certificate is null, not a JSON object."));

    [Test]
    public void A_token_tree_that_is_not_an_object_names_its_type() =>
        Assert.That(Problem(new JArray(1)), Is.EqualTo("the certificate must be a JSON object, got Array."));

    [Test]
    public void Text_that_is_not_an_object_names_what_it_is()
    {
        Assert.That(Problem("[1, 2]"), Is.EqualTo("the certificate must be a JSON object, got an array."));
        Assert.That(Problem("\"text\""), Is.EqualTo("the certificate must be a JSON object, got a string."));
    }

    [Test]
    public void Content_after_the_object_is_refused_by_the_json_reader() =>
        Assert.That(
            Problem(CertificateFixtures.RealV3 + " {}"),
            Does.StartWith("the certificate is not well-formed JSON: '{' is invalid after a single JSON value."));

    [Test]
    public void Text_that_ends_inside_the_object_is_refused_by_the_json_reader()
    {
        string compact = Real(_ => { });
        string truncated = compact[..(compact.IndexOf("\"claims\":[", StringComparison.Ordinal) + "\"claims\":[".Length)];
        Assert.That(
            Problem(truncated),
            Does.StartWith("the certificate is not well-formed JSON: Expected depth to be zero at the end of the JSON payload."));
    }

    [Test]
    public void A_duplicate_table_name_other_than_the_first_slot_is_reported() =>
        Assert.That(
            Problem(Real(_ => { }).Replace("{\"certificate_id\"", "{\"request_id\":\"x\",\"certificate_id\"", StringComparison.Ordinal)),
            Is.EqualTo("the member 'request_id' appears twice in one object (duplicate keys are ambiguous)."));

    [Test]
    public void A_duplicate_in_the_upper_half_of_the_table_is_reported() =>
        Assert.That(
            Problem(Real(c => c["epsilon_remaining"] = 1).Replace("{\"certificate_id\"", "{\"epsilon_remaining\":2,\"certificate_id\"", StringComparison.Ordinal)),
            Is.EqualTo("the member 'epsilon_remaining' appears twice in one object (duplicate keys are ambiguous)."));

    [Test]
    public void Every_table_name_once_in_one_object_is_no_duplicate()
    {
        // Slot 0 (certificate_id) and slot 64 share a bit position in the two halves of the mask;
        // all 128 possible slots side by side must still count as distinct names.
        string[] opaque = (string[])typeof(CertificateMemberNames)
            .GetField("OpaqueNames", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .GetValue(null)!;
        Assert.That(Enum.GetValues<CertificateMember>().Length - 1 + opaque.Length, Is.GreaterThan(64), "the table reaches past slot 64");
        string json = Real(c =>
        {
            foreach (string name in opaque)
            {
                c[name] = 0;
            }
        });

        CertificateFields fields = CertificateReader.Read(json);

        Assert.That(fields.CertificateId, Is.EqualTo((string)JObject.Parse(CertificateFixtures.RealV3)["certificate_id"]!));
    }

    [Test]
    public void The_slot_64_name_beside_certificate_id_is_no_duplicate()
    {
        // certificate_id has slot 0; cert_hash is the 65th table name (slot 64), the same bit in the upper half.
        Assert.DoesNotThrow(() => CertificateReader.Read(Real(c => c["cert_hash"] = "h")));
    }
}
