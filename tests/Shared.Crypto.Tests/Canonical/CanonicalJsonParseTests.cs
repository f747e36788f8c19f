using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Shared.Crypto.Tests.Canonical;

/// <summary>
/// The parse half of <see cref="CanonicalJson"/>: argument checks, empty and trailing text,
/// comments, duplicate keys under each setting, the depth limit at its boundary, and the path
/// an invalid text is reported at.
/// </summary>
public class CanonicalJsonParseTests
{
    private static readonly CanonicalJsonOptions Default = CanonicalJsonOptions.Default;

    [Test]
    public void Null_arguments_are_argument_null_errors_not_null_references()
    {
        Assert.Throws<ArgumentNullException>(() => CanonicalJson.Serialize((JToken)null!, Default));
        Assert.Throws<ArgumentNullException>(() => CanonicalJson.Serialize(new JObject(), null!));
        Assert.Throws<ArgumentNullException>(() => CanonicalJson.Serialize("{}", null!));
        Assert.Throws<ArgumentNullException>(() => CanonicalJson.Parse("{}", null!));
        Assert.Throws<ArgumentNullException>(() => CanonicalJson.Parse((TextReader)null!, Default));
        Assert.Throws<ArgumentNullException>(() => CanonicalJson.Parse(new StringReader("{}"), null!));
    }

    [Test]
    public void Null_text_is_a_canonical_json_error_at_the_root()
    {
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse((string)null!, Default));
        Assert.That(ex!.Path, Is.EqualTo("$"));
        Assert.That(ex.Message, Does.Contain("null"));
    }

    [TestCase("")]
    [TestCase("   \n\t ")]
    public void Empty_or_blank_text_is_reported_as_empty(string json)
    {
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse(json, Default));
        Assert.That(ex!.Message, Is.EqualTo("JSON text is empty."));
        Assert.That(ex.Path, Is.EqualTo("$"));
    }

    [TestCase("{\"a\":1} /* trailing */", "{\"a\":1}")]
    [TestCase("[1,/* inside */2]", "[1,2]")]
    [TestCase("/* leading */ {\"b\":[true]}", "{\"b\":[true]}")]
    public void Comments_are_dropped_not_kept_in_the_tree(string json, string canonical)
    {
        Assert.That(CanonicalJson.SerializeToString(CanonicalJson.Parse(json, Default), Default), Is.EqualTo(canonical));
        var lenient = Default with { RejectDuplicateKeys = false };
        Assert.That(CanonicalJson.SerializeToString(CanonicalJson.Parse(json, lenient), lenient), Is.EqualTo(canonical));
    }

    [TestCase("{\"a\":1} 2")]
    [TestCase("[] []")]
    [TestCase("\"s\" x")]
    public void Content_after_the_value_is_rejected(string json) =>
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse(json, Default));

    [Test]
    public void Parsed_tokens_carry_no_line_information()
    {
        JToken token = CanonicalJson.Parse("{\n\"a\":\n[1]}", Default);
        Assert.That(((IJsonLineInfo)token["a"]!).HasLineInfo(), Is.False);
        token = CanonicalJson.Parse("{\n\"a\":\n[1]}", Default with { RejectDuplicateKeys = false });
        Assert.That(((IJsonLineInfo)token["a"]!).HasLineInfo(), Is.False);
    }

    [Test]
    public void Duplicate_keys_are_rejected_by_default_and_last_wins_when_allowed()
    {
        const string Json = "{\"a\":1,\"b\":{\"c\":true,\"c\":false},\"a\":2}";
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse(Json, Default));
        Assert.That(ex!.Message, Does.Contain("not valid"));

        var lenient = Default with { RejectDuplicateKeys = false };
        Assert.That(CanonicalJson.SerializeToString(CanonicalJson.Parse(Json, lenient), lenient), Is.EqualTo("{\"a\":2,\"b\":{\"c\":false}}"));
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(128)]
    public void Parsing_accepts_exactly_max_depth_levels(int maxDepth)
    {
        var options = Default with { MaxDepth = maxDepth };
        string atLimit = new string('[', maxDepth) + new string(']', maxDepth);
        string overLimit = "[" + atLimit + "]";

        Assert.DoesNotThrow(() => CanonicalJson.Parse(atLimit, options));
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse(overLimit, options));
        Assert.That(ex!.Message, Is.EqualTo($"JSON text nests deeper than the depth limit of {maxDepth}."));
        Assert.That(ex.Path, Is.EqualTo("$"));
        Assert.That(ex.InnerException, Is.InstanceOf<JsonReaderException>());
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(128)]
    public void Writing_accepts_exactly_max_depth_levels(int maxDepth)
    {
        var options = Default with { MaxDepth = maxDepth };
        JToken atLimit = new JObject();
        for (int i = 1; i < maxDepth; i++)
        {
            atLimit = new JArray(atLimit);
        }

        Assert.DoesNotThrow(() => CanonicalJson.Validate(atLimit, options));
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Validate(new JObject { ["x"] = atLimit }, options));
        Assert.That(ex!.Message, Does.Contain($"nesting is deeper than the limit of {maxDepth}"));
    }

    [TestCase("tru", "$")]
    [TestCase("{\"a\":{\"b\":tru}}", "$.a.b")]
    [TestCase("[{\"b\":nul}]", "$[0].b")]
    [TestCase("{\"a\":[0,{\"b\":nul}]}", "$.a[1].b")]
    public void Invalid_text_is_reported_at_its_path(string json, string path)
    {
        var ex = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse(json, Default));
        Assert.That(ex!.Path, Is.EqualTo(path));
        Assert.That(ex.Message, Does.StartWith("JSON text is not valid: "));
        Assert.That(ex.InnerException, Is.InstanceOf<JsonException>());
    }

    [Test]
    public void Parsing_from_a_reader_applies_the_same_rules()
    {
        Assert.That(CanonicalJson.SerializeToString(CanonicalJson.Parse(new StringReader("{\"b\":1,\"a\":\"2020-01-01T00:00:00Z\"}"), Default), Default),
            Is.EqualTo("{\"a\":\"2020-01-01T00:00:00Z\",\"b\":1}"));
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse(new StringReader("{\"a\":1,\"a\":1}"), Default));
        Assert.That(Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Parse(new StringReader(""), Default))!.Message, Is.EqualTo("JSON text is empty."));
    }

    [Test]
    public void The_reader_keeps_dates_as_strings_and_fractions_as_exact_decimals()
    {
        using var reader = CanonicalJson.CreateReader(new StringReader("[\"2026-04-20T05:24:12Z\",1.10,100000000000000000000001]"));
        Assert.That(reader.MaxDepth, Is.EqualTo(128));
        Assert.That(reader.Read(), Is.True);
        Assert.That(reader.Read(), Is.True);
        Assert.That(reader.TokenType, Is.EqualTo(JsonToken.String));
        Assert.That(reader.Value, Is.EqualTo("2026-04-20T05:24:12Z"));
        Assert.That(reader.Read(), Is.True);
        Assert.That(reader.Value, Is.TypeOf<decimal>().And.EqualTo(1.10m));
        Assert.That(((decimal)reader.Value!).ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo("1.10"));
        Assert.That(reader.Read(), Is.True);
        Assert.That(reader.Value, Is.EqualTo(System.Numerics.BigInteger.Parse("100000000000000000000001", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void The_reader_takes_the_depth_limit_it_is_given()
    {
        using var reader = CanonicalJson.CreateReader(new StringReader("[[1]]"), maxDepth: 1);
        Assert.That(reader.MaxDepth, Is.EqualTo(1));
        Assert.Throws<JsonReaderException>(() =>
        {
            while (reader.Read())
            {
            }
        });
    }

    [Test]
    public void Serializing_text_parses_it_with_the_profile_first()
    {
        Assert.That(System.Text.Encoding.ASCII.GetString(CanonicalJson.Serialize("{ \"b\" : [ 1 , 2 ] , \"a\" : null }", Default)), Is.EqualTo("{\"a\":null,\"b\":[1,2]}"));
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize("{\"a\":1,\"a\":2}", Default));
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Serialize("[[1]]", Default with { MaxDepth = 1 }));
    }

    [Test]
    public void Long_texts_serialize_completely()
    {
        string value = new('x', 70_000);
        string json = "{\"k\":\"" + value + "\",\"a\":[" + string.Join(",", Enumerable.Range(0, 2000)) + "]}";
        string expected = "{\"a\":[" + string.Join(",", Enumerable.Range(0, 2000)) + "],\"k\":\"" + value + "\"}";

        Assert.That(System.Text.Encoding.ASCII.GetString(CanonicalJson.Serialize(json, Default)), Is.EqualTo(expected));
        Assert.That(CanonicalJson.SerializeToString(CanonicalJson.Parse(json, Default), Default), Is.EqualTo(expected));
    }
}
