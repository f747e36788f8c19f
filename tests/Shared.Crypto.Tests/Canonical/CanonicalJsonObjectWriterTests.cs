using System.Text;
using Newtonsoft.Json.Linq;
using TestSupport;

namespace Shared.Crypto.Tests.Canonical;

/// <summary>The member-by-member writer produces exactly the token-tree encoder's bytes and refuses what the encoder would not write.</summary>
public class CanonicalJsonObjectWriterTests
{
    private static readonly CanonicalJsonOptions Lucairn = TestProfiles.Lucairn;

    // Plain ASCII, every short escape, other controls, DEL, BMP non-ASCII, U+2028, a private-use
    // character, an astral character (surrogate pair) and a long string that crosses chunk sizes.
    private static readonly string[] Strings =
    [
        "",
        "plain ascii <>&'/",
        "quote \" backslash \\ b\b t\t n\n f\f r\r",
        "\u0000\u0001\u001f\u007f",
        "caf\u00e9 \u2028\u2029 \ue000\uffff",
        "astral \ud83d\ude00 end",
        new string('\u00e9', 20_000) + new string('a', 70_000) + "\ud83d\ude00",
    ];

    [Test]
    public void Every_value_kind_matches_the_token_tree_encoder([Range(0, 6)] int stringIndex)
    {
        string text = Strings[stringIndex];
        var tree = new JObject
        {
            ["a_null"] = JValue.CreateNull(),
            ["b_true"] = true,
            ["c_false"] = false,
            ["d_int"] = long.MinValue,
            ["e_int"] = long.MaxValue,
            ["f_list"] = new JArray(text, JValue.CreateNull(), "x"),
            ["g_empty_list"] = new JArray(),
            ["h_text"] = text,
            ["i_missing"] = JValue.CreateNull(),
            ["\u00e9_key"] = 0L,
        };

        using var writer = new CanonicalJsonObjectWriter(Lucairn, initialCapacity: 16);
        writer.WriteNull("a_null");
        writer.WriteBoolean("b_true", true);
        writer.WriteBoolean("c_false", false);
        writer.WriteInteger("d_int", long.MinValue);
        writer.WriteInteger("e_int", long.MaxValue);
        writer.WriteStringArray("f_list", [text, null, "x"]);
        writer.WriteStringArray("g_empty_list", []);
        writer.WriteString("h_text", text);
        writer.WriteString("i_missing", null);
        writer.WriteInteger("\u00e9_key", 0);

        Assert.That(Hex.Encode(writer.Complete()), Is.EqualTo(Hex.Encode(CanonicalJson.Serialize(tree, Lucairn))));
    }

    [Test]
    public void The_real_v3_signable_round_trips_byte_for_byte()
    {
        byte[] reference = TestVectors.ReadHex("lucairn", "real-v3-signable-go-reference.hex");
        var map = (JObject)CanonicalJson.Parse(Encoding.ASCII.GetString(reference), Lucairn);

        using var writer = new CanonicalJsonObjectWriter(Lucairn);
        foreach (JProperty property in map.Properties())
        {
            switch (property.Value)
            {
                case JArray array:
                    writer.WriteStringArray(property.Name, array.Select(item => (string?)item).ToArray());
                    break;
                case JValue { Type: JTokenType.Boolean } flag:
                    writer.WriteBoolean(property.Name, (bool)flag);
                    break;
                case JValue { Type: JTokenType.Integer } number:
                    writer.WriteInteger(property.Name, (long)number);
                    break;
                default:
                    writer.WriteString(property.Name, (string?)property.Value);
                    break;
            }
        }

        Assert.That(writer.ToArray(), Is.EqualTo(reference));
    }

    [Test]
    public void An_empty_object_is_braces_and_complete_is_idempotent()
    {
        using var writer = new CanonicalJsonObjectWriter(Lucairn);

        Assert.That(Encoding.ASCII.GetString(writer.Complete()), Is.EqualTo("{}"));
        Assert.That(Encoding.ASCII.GetString(writer.Complete()), Is.EqualTo("{}"));
    }

    [TestCase("b", "a")]
    [TestCase("a", "a")]
    [TestCase("\ud83d\ude00", "\uffff")] // code-point order: the astral key sorts after U+FFFF
    public void Keys_out_of_code_point_order_or_repeated_are_refused(string first, string second)
    {
        using var writer = new CanonicalJsonObjectWriter(Lucairn);
        writer.WriteNull(first);

        var ex = Assert.Throws<InvalidOperationException>(() => writer.WriteNull(second));
        Assert.That(ex!.Message, Does.Contain("code-point order"));
    }

    [Test]
    public void A_lone_surrogate_is_a_canonical_json_error_with_its_path()
    {
        using var writer = new CanonicalJsonObjectWriter(Lucairn);

        var value = Assert.Throws<CanonicalJsonException>(() => writer.WriteString("name", "ok\ud800"));
        Assert.That(value!.Path, Is.EqualTo("$.name"));
        Assert.That(value.Message, Does.Contain("unpaired high surrogate U+D800 at index 2"));

        using var second = new CanonicalJsonObjectWriter(Lucairn);
        var item = Assert.Throws<CanonicalJsonException>(() => second.WriteStringArray("ids", ["fine", "\udc00"]));
        Assert.That(item!.Path, Is.EqualTo("$.ids[1]"));
        Assert.That(item.Message, Does.Contain("unpaired low surrogate U+DC00 at index 0"));
    }

    [Test]
    public void The_attesto_profile_refuses_unsafe_integers()
    {
        using var writer = new CanonicalJsonObjectWriter(TestProfiles.Attesto);
        writer.WriteInteger("max", CanonicalJsonOptions.MaxSafeInteger);

        var ex = Assert.Throws<CanonicalJsonException>(() => writer.WriteInteger("over", CanonicalJsonOptions.MaxSafeInteger + 1));
        Assert.That(ex!.IsNumberPolicyViolation, Is.True);
        Assert.That(ex.Path, Is.EqualTo("$.over"));
    }

    [Test]
    public void Nothing_can_follow_completion_or_disposal()
    {
        var writer = new CanonicalJsonObjectWriter(Lucairn);
        writer.WriteNull("a");
        _ = writer.Complete();
        Assert.Throws<InvalidOperationException>(() => writer.WriteNull("b"));

        writer.Dispose();
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.Complete());
        Assert.Throws<ObjectDisposedException>(() => writer.WriteNull("c"));
    }
}
