using Newtonsoft.Json.Linq;
using static Lucairn.Tests.Verification.Reading.ReaderProblems;

namespace Lucairn.Tests.Verification.Reading;

/// <summary>The string arrays of a claim (<c>data_seen</c>, <c>data_not_seen</c>): type, element paths and escape checks.</summary>
public class StringArrayReadingTests
{
    [TestCase(0, "data_seen")]
    [TestCase(2, "data_not_seen")]
    public void A_claim_array_of_another_type_is_named_with_the_claim(int index, string member) =>
        Assert.That(Problem(c => c["claims"]![index]![member] = 7), Is.EqualTo($"'claims[{index}].{member}' must be an array of strings, got the integer 7."));

    [Test]
    public void An_element_of_another_type_is_named_by_its_index() =>
        Assert.That(
            Problem(c => c["claims"]![1]!["data_seen"] = new JArray("a", "b", new JObject { ["c"] = 1 }, 4)),
            Is.EqualTo("'claims[1].data_seen[2]' must be a string, got an object."));

    [Test]
    public void The_first_element_of_another_type_is_index_0() =>
        Assert.That(
            Problem(c => c["claims"]![0]!["data_not_seen"] = new JArray(JValue.CreateNull())),
            Is.EqualTo("'claims[0].data_not_seen[0]' must be a string, got null."));

    [Test]
    public void An_escaped_unpaired_surrogate_in_an_element_is_rejected()
    {
        string json = Real(c => c["claims"]![0]!["data_seen"] = new JArray("ok", "SURROGATE")).Replace("SURROGATE", "\\udc00", StringComparison.Ordinal);

        Assert.That(Problem(json), Does.StartWith("the certificate is not well-formed JSON: "));
    }

    [Test]
    public void Escaped_elements_that_decode_are_accepted() =>
        Assert.DoesNotThrow(() => CertificateReader.Read(
            Real(c => c["claims"]![0]!["data_seen"] = new JArray("ESCAPED")).Replace("ESCAPED", "\\u0041\\ud83d\\ude00", StringComparison.Ordinal)));
}
