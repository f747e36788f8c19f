#pragma warning disable NUnit1027 // FsCheck, not NUnit, supplies the arguments of [Property] methods.
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Newtonsoft.Json.Linq;

namespace Shared.Crypto.Tests.Canonical;

/// <summary>Property tests over random JSON trees (random keys, all kinds of characters, integers, nesting).</summary>
public class CanonicalJsonProperties
{
    private static readonly CanonicalJsonOptions Lucairn = TestProfiles.Lucairn;

    [FsCheck.NUnit.Property(MaxTest = 300, Arbitrary = new[] { typeof(JsonTrees) })]
    public bool Output_reparses_to_an_equal_tree(JToken tree)
    {
        string text = Encoding.ASCII.GetString(CanonicalJson.Serialize(tree, Lucairn));
        return JToken.DeepEquals(CanonicalJson.Parse(text, Lucairn), tree);
    }

    [FsCheck.NUnit.Property(MaxTest = 300, Arbitrary = new[] { typeof(JsonTrees) })]
    public bool Encoding_is_idempotent(JToken tree)
    {
        byte[] once = CanonicalJson.Serialize(tree, Lucairn);
        byte[] twice = CanonicalJson.Serialize(Encoding.ASCII.GetString(once), Lucairn);
        return once.AsSpan().SequenceEqual(twice);
    }

    [FsCheck.NUnit.Property(MaxTest = 300, Arbitrary = new[] { typeof(JsonTrees) })]
    public bool Output_is_printable_ascii_only(JToken tree) =>
        CanonicalJson.Serialize(tree, Lucairn).All(b => b is >= 0x20 and <= 0x7E);

    [FsCheck.NUnit.Property(MaxTest = 300, Arbitrary = new[] { typeof(JsonTrees) })]
    public bool Key_order_does_not_change_the_output(JToken tree)
    {
        byte[] expected = CanonicalJson.Serialize(tree, Lucairn);
        return expected.AsSpan().SequenceEqual(CanonicalJson.Serialize(Reverse(tree), Lucairn));
    }

    private static JToken Reverse(JToken token) => token switch
    {
        JObject o => new JObject(o.Properties().Reverse().Select(p => new JProperty(p.Name, Reverse(p.Value)))),
        JArray a => new JArray(a.Select(Reverse)),
        _ => token.DeepClone(),
    };

    /// <summary>Generators for JSON trees whose strings cover ASCII, controls, DEL, BMP and astral characters.</summary>
    public static class JsonTrees
    {
        public static Arbitrary<JToken> Tokens() => Arb.From(Gen.Sized(size => Token(Math.Min(size / 10, 4))));

        private static Gen<int> CodePoint() => Gen.OneOf(
            Gen.Choose(0x20, 0x7E),
            Gen.Choose(0x00, 0x1F),
            Gen.Constant(0x7F),
            Gen.Choose(0x80, 0xD7FF),
            Gen.Choose(0xE000, 0xFFFF),
            Gen.Choose(0x10000, 0x10FFFF));

        private static Gen<string> Text() =>
            Gen.ListOf(CodePoint()).Select(points => string.Concat(points.Select(char.ConvertFromUtf32)));

        private static Gen<JToken> Leaf() => Gen.OneOf(
            Gen.Constant<JToken>(JValue.CreateNull()),
            Gen.Elements(true, false).Select(b => (JToken)new JValue(b)),
            Gen.Choose(int.MinValue, int.MaxValue).Select(i => (JToken)new JValue((long)i * 3)),
            Text().Select(s => (JToken)new JValue(s)));

        private static Gen<JToken> Token(int depth)
        {
            if (depth <= 0)
            {
                return Leaf();
            }

            Gen<JToken> child = Token(depth - 1);
            Gen<JToken> array = Gen.ListOf(child).Select(items => (JToken)new JArray(items.ToArray()));
            Gen<JToken> obj = Gen.ListOf(Gen.Zip(Text(), child)).Select(pairs =>
            {
                var o = new JObject();
                foreach (var (key, value) in pairs)
                {
                    o[key] = value;
                }

                return (JToken)o;
            });
            return Gen.Frequency((3, Leaf()), (1, array), (1, obj));
        }
    }
}
