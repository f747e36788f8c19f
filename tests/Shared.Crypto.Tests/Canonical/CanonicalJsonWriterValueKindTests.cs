using System.Numerics;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Shared.Crypto.Tests.Canonical;

/// <summary>
/// The token-tree encoder with values Newtonsoft's parser never produces (other CLR integer
/// types, enums, dates, a bare property), long integers and escapes at the end of its buffer.
/// </summary>
public class CanonicalJsonWriterValueKindTests
{
    private static readonly CanonicalJsonOptions Lucairn = TestProfiles.Lucairn;

    private static IEnumerable<TestCaseData> ClrIntegers()
    {
        yield return new TestCaseData((object)(int)-7, "-7").SetName("Int32");
        yield return new TestCaseData((object)(short)-300, "-300").SetName("Int16");
        yield return new TestCaseData((object)(sbyte)-5, "-5").SetName("SByte");
        yield return new TestCaseData((object)(byte)200, "200").SetName("Byte");
        yield return new TestCaseData((object)(ushort)65535, "65535").SetName("UInt16");
        yield return new TestCaseData((object)uint.MaxValue, "4294967295").SetName("UInt32");
    }

    [TestCaseSource(nameof(ClrIntegers))]
    public void Every_clr_integer_type_is_written(object number, string text)
    {
        var value = new JValue(number);
        Assume.That(value.Type, Is.EqualTo(JTokenType.Integer));
        Assert.That(CanonicalJson.SerializeToString(new JArray(value), Lucairn), Is.EqualTo("[" + text + "]"));
    }

    [Test]
    public void An_enum_integer_is_refused_with_its_clr_type()
    {
        var value = new JValue((object)DayOfWeek.Monday);
        Assume.That(value.Type, Is.EqualTo(JTokenType.Integer));
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(new JObject { ["day"] = value }, Lucairn));
        Assert.That(ex!.Message, Is.EqualTo("Canonical JSON (lucairn-witness) at $.day: the integer value of CLR type 'DayOfWeek' is not supported."));
    }

    [Test]
    public void A_bare_property_token_is_refused_with_its_type()
    {
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(new JProperty("a", 1), Lucairn));
        Assert.That(ex!.Path, Is.EqualTo("$"));
        Assert.That(ex.Message, Is.EqualTo("Canonical JSON (lucairn-witness) at $: a 'Property' token cannot be written as canonical JSON."));
    }

    [Test]
    public void A_date_value_is_refused_with_its_json_type()
    {
        var tree = new JArray(new JValue(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc)));
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(tree, Lucairn));
        Assert.That(ex!.Path, Is.EqualTo("$[0]"));
        Assert.That(ex.Message, Is.EqualTo("Canonical JSON (lucairn-witness) at $[0]: a value of JSON type 'Date' cannot be written as canonical JSON (only null, booleans, integers, strings, arrays and objects)."));
    }

    [Test]
    public void A_fraction_is_refused_with_its_value_in_the_message()
    {
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize(new JObject { ["x"] = 1.5m }, Lucairn));
        Assert.That(ex!.IsNumberPolicyViolation, Is.True);
        Assert.That(ex.Message, Is.EqualTo("Canonical JSON (lucairn-witness) at $.x: the non-integer number 1.5 is not allowed (canonical JSON carries integers only; send decimals as strings)."));
    }

    [Test]
    public void An_integer_longer_than_the_buffer_is_written_whole()
    {
        BigInteger big = BigInteger.Pow(10, 3000) + 7;
        string text = big.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(CanonicalJson.SerializeToString(new JValue(big), Lucairn), Is.EqualTo(text));
    }

    [Test]
    public void Escapes_that_start_in_the_last_bytes_of_the_buffer_are_written([Range(1005, 1025)] int plainLength)
    {
        // The first buffer holds 1024 bytes: these lengths put the escaped string's opening quote
        // just before its end, where a six-byte escape no longer fits without growing.
        string plain = new('a', plainLength);
        var tree = new JArray(plain, "\u0001\u00e9");
        Task<string> run = Task.Run(() => CanonicalJson.SerializeToString(tree, Lucairn));
        Assert.That(run.Wait(TimeSpan.FromSeconds(20)), Is.True, "the encoder did not finish");
        Assert.That(run.Result, Is.EqualTo("[\"" + plain + "\",\"\\u0001\\u00e9\"]"));
    }

    [Test]
    public void Growing_the_buffer_allocates_in_proportion_to_the_output()
    {
        var tree = new JArray(new string('a', 100_000));
        _ = CanonicalJson.Serialize(tree, Lucairn);
        long before = GC.GetAllocatedBytesForCurrentThread();
        byte[] bytes = CanonicalJson.Serialize(tree, Lucairn);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(bytes, Has.Length.EqualTo(100_004));
        Assert.That(allocated, Is.LessThan(4 * 1024 * 1024), Encoding.ASCII.GetString(bytes, 0, 8));
    }
}
