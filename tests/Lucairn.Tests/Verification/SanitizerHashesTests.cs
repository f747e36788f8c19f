using System.Text;

namespace Lucairn.Tests.Verification;

/// <summary>
/// <see cref="SanitizerHashes.FromCanonicalPayload"/>: escaped member names, values that are not
/// strings or not objects (skipped whole, so their inner members never leak out), and base64
/// that decodes only in part.
/// </summary>
public class SanitizerHashesTests
{
    private static SanitizerHashes FromJson(string json) =>
        SanitizerHashes.FromCanonicalPayload(Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(json))));

    [Test]
    public void Plain_top_level_hashes_are_read() =>
        Assert.That(FromJson("""{"redaction_manifest_hash":"r","sanitized_fields_hash":"s","tms_manifest_hash":"t"}"""),
            Is.EqualTo(new SanitizerHashes("r", "s", "t")));

    [Test]
    public void Escaped_names_of_the_three_hashes_are_recognised() =>
        Assert.That(FromJson("""{"redaction\u005fmanifest_hash":"r","sanitized\u005ffields_hash":"s","tms\u005fmanifest_hash":"t"}"""),
            Is.EqualTo(new SanitizerHashes("r", "s", "t")));

    [Test]
    public void Escaped_payload_name_is_recognised() =>
        Assert.That(FromJson("""{"redaction_manifest_hash":"top","p\u0061yload":{"tms_manifest_hash":"inner"}}"""),
            Is.EqualTo(new SanitizerHashes(null, null, "inner")));

    [Test]
    public void Escaped_other_names_touch_no_hash()
    {
        const string Json = """{"redaction_manifest_hash":"r","sanitized_fields_hash":"s","tms_manifest_hash":"t","o\u0074her":"bad","o\u0074her2":{"tms_manifest_hash":"inner"}}""";

        Assert.That(FromJson(Json), Is.EqualTo(new SanitizerHashes("r", "s", "t")));
    }

    [Test]
    public void Hash_whose_value_is_an_object_is_skipped_whole() =>
        Assert.That(FromJson("""{"redaction_manifest_hash":{"sanitized_fields_hash":"x"},"tms_manifest_hash":"t"}"""),
            Is.EqualTo(new SanitizerHashes(null, null, "t")));

    [Test]
    public void Other_member_whose_value_is_an_object_is_skipped_whole() =>
        Assert.That(FromJson("""{"other":{"redaction_manifest_hash":"inner"},"sanitized_fields_hash":"s"}"""),
            Is.EqualTo(new SanitizerHashes(null, "s", null)));

    [Test]
    public void Payload_that_is_an_array_is_skipped_and_the_top_level_counts() =>
        Assert.That(FromJson("""{"redaction_manifest_hash":"top","payload":[{"redaction_manifest_hash":"inner"}],"tms_manifest_hash":"t"}"""),
            Is.EqualTo(new SanitizerHashes("top", null, "t")));

    [Test]
    public void Empty_and_non_string_values_are_null() =>
        Assert.That(FromJson("""{"redaction_manifest_hash":"","sanitized_fields_hash":5,"tms_manifest_hash":null}"""),
            Is.EqualTo(new SanitizerHashes(null, null, null)));

    [Test]
    public void Base64_with_an_invalid_tail_gives_nothing_even_when_the_head_decodes()
    {
        // 33 bytes of JSON: a whole number of base64 quanta, so the head decodes to the full object.
        const string Json = """{"redaction_manifest_hash":"rrr"}""";
        Assert.That(Encoding.UTF8.GetByteCount(Json) % 3, Is.Zero);
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(Json));
        Assert.That(FromJson(Json), Is.EqualTo(new SanitizerHashes("rrr", null, null)), "the head alone is readable");

        Assert.That(SanitizerHashes.FromCanonicalPayload(Encoding.UTF8.GetBytes(encoded + "!!!!")), Is.EqualTo(default(SanitizerHashes)));
    }

    [Test]
    public void Base64_of_invalid_utf8_gives_nothing() =>
        Assert.That(SanitizerHashes.FromCanonicalPayload(Encoding.UTF8.GetBytes(Convert.ToBase64String([0x7B, 0xFF, 0x7D]))), Is.EqualTo(default(SanitizerHashes)));

    [TestCase("[1]")]
    [TestCase("\"x\"")]
    [TestCase("{\"redaction_manifest_hash\":\"r\"} 1")]
    [TestCase("{\"redaction_manifest_hash\":")]
    public void Payload_that_is_not_one_object_gives_nothing(string json) =>
        Assert.That(FromJson(json), Is.EqualTo(default(SanitizerHashes)));

    [Test]
    public void Empty_payload_gives_nothing() =>
        Assert.That(SanitizerHashes.FromCanonicalPayload(ReadOnlySpan<byte>.Empty), Is.EqualTo(default(SanitizerHashes)));
}
