using Newtonsoft.Json.Linq;

namespace Lucairn.Tests.Verification;

/// <summary>
/// <see cref="TokenTreeCheck"/>: the nesting limit at n and n+1 for objects and arrays, non-JSON
/// token types, non-finite numbers and unpaired surrogates in names and strings.
/// </summary>
public class TokenTreeCheckTests
{
    private static JToken NestedObjects(int depth)
    {
        JToken token = new JValue(1);
        for (int i = 0; i < depth; i++)
        {
            token = new JObject { ["a"] = token };
        }

        return token;
    }

    private static JToken NestedArrays(int depth)
    {
        JToken token = new JValue(1);
        for (int i = 0; i < depth; i++)
        {
            token = new JArray(token);
        }

        return token;
    }

    [TestCase(1)]
    [TestCase(3)]
    public void Objects_nested_exactly_to_the_limit_pass(int limit) =>
        Assert.That(TokenTreeCheck.FindProblem(NestedObjects(limit), limit), Is.Null);

    [TestCase(1)]
    [TestCase(3)]
    public void Objects_nested_one_past_the_limit_are_reported(int limit) =>
        Assert.That(TokenTreeCheck.FindProblem(NestedObjects(limit + 1), limit), Is.EqualTo($"the certificate is nested deeper than {limit} levels."));

    [TestCase(1)]
    [TestCase(3)]
    public void Arrays_nested_exactly_to_the_limit_pass(int limit) =>
        Assert.That(TokenTreeCheck.FindProblem(NestedArrays(limit), limit), Is.Null);

    [TestCase(1)]
    [TestCase(3)]
    public void Arrays_nested_one_past_the_limit_are_reported(int limit) =>
        Assert.That(TokenTreeCheck.FindProblem(NestedArrays(limit + 1), limit), Is.EqualTo($"the certificate is nested deeper than {limit} levels."));

    [Test]
    public void Unpaired_surrogate_in_a_member_name_names_its_path()
    {
        var root = new JObject { ["ok"] = 1, ["x\uD800"] = 2 };

        Assert.That(TokenTreeCheck.FindProblem(root, 8), Is.EqualTo($"the member name at '{root.Property("x\uD800")!.Path}' has an unpaired surrogate."));
    }

    // Lone surrogates cannot travel in attribute arguments (stored as UTF-8), so the cases are built here.
    private static readonly (string Name, string Text)[] Unpaired =
    [
        ("lone high surrogate alone", "\uD800"),
        ("lone low surrogate alone", "\uDC00"),
        ("lone low surrogate first", "\uDC00abc"),
        ("high surrogate at the end", "ab\uD800"),
        ("high surrogate before a letter", "a\uD800b"),
        ("low surrogate between letters", "a\uDC00b"),
        ("two low surrogates", "\uDC00\uDC00"),
        ("reversed pair", "\uDC00\uD800"),
        ("lone high surrogate after a pair", "\uD83D\uDE00\uD800"),
    ];

    private static readonly (string Name, string Text)[] Paired =
    [
        ("a pair alone", "\uD83D\uDE00"),
        ("a pair after a letter", "a\uD83D\uDE00"),
        ("two pairs", "\uD83D\uDE00\uD83D\uDE00z"),
    ];

    [Test]
    public void Unpaired_surrogate_in_a_string_names_its_path()
    {
        foreach ((string name, string text) in Unpaired)
        {
            var root = new JObject { ["s"] = text };

            Assert.That(TokenTreeCheck.FindProblem(root, 8), Is.EqualTo("the string at 's' is null or has an unpaired surrogate."), name);
        }
    }

    [Test]
    public void Surrogate_pairs_pass_in_names_and_strings()
    {
        foreach ((string name, string text) in Paired)
        {
            var root = new JObject { [text] = text };

            Assert.That(TokenTreeCheck.FindProblem(root, 8), Is.Null, name);
        }
    }

    [Test]
    public void Non_finite_double_is_reported()
    {
        var root = new JObject { ["n"] = new JValue(double.NaN) };

        Assert.That(TokenTreeCheck.FindProblem(root, 8), Is.EqualTo("'n' is the non-finite number NaN, which is not JSON."));
    }

    [Test]
    public void Non_finite_float_is_reported()
    {
        var root = new JObject { ["f"] = new JValue(float.NaN) };

        Assert.That(TokenTreeCheck.FindProblem(root, 8), Is.EqualTo("'f' is the non-finite number NaN, which is not JSON."));
    }

    [Test]
    public void Finite_numbers_booleans_and_nulls_pass()
    {
        var root = new JObject { ["d"] = new JValue(1.5), ["f"] = new JValue(2.5f), ["i"] = 3, ["b"] = true, ["z"] = JValue.CreateNull() };

        Assert.That(TokenTreeCheck.FindProblem(root, 8), Is.Null);
    }

    [Test]
    public void Date_token_is_reported_with_the_parse_advice()
    {
        var root = new JObject { ["t"] = new JValue(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)) };

        Assert.That(TokenTreeCheck.FindProblem(root, 8), Is.EqualTo("'t' is a date token: parse certificate JSON with DateParseHandling.None so timestamps stay exact strings."));
    }

    [Test]
    public void Other_token_type_is_reported_by_type()
    {
        var root = new JObject { ["g"] = new JValue(Guid.Empty) };

        Assert.That(TokenTreeCheck.FindProblem(root, 8), Is.EqualTo("'g' is a Guid token, which is not JSON."));
    }
}
