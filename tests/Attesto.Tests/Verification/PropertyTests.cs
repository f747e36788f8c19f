using FsCheck;
using FsCheck.Fluent;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto.Tests.Verification;

public class PropertyTests
{
    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Integers_pass_the_number_policy_exactly_when_within_2_pow_53()
    {
        const long max = CanonicalJsonOptions.MaxSafeInteger;
        Gen<long> values = Gen.OneOf(
            ArbMap.Default.GeneratorFor<long>(),
            Gen.Choose(-1000, 1000).Select(d => max + d),
            Gen.Choose(-1000, 1000).Select(d => -max + d),
            Gen.Elements(long.MaxValue, long.MinValue, 0L));
        return Prop.ForAll(values.ToArbitrary(), value =>
        {
            bool safe = value is >= -max and <= max;
            try
            {
                AttestoCanonicalJson.CheckNumberPolicy(new JObject { ["n"] = value });
                return safe;
            }
            catch (AttestoUnsafeNumberException ex)
            {
                return !safe && ex.Path == "$.n";
            }
        });
    }

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Any_number_with_a_fraction_is_rejected()
    {
        Gen<decimal> values =
            from whole in ArbMap.Default.GeneratorFor<int>()
            from hundredths in Gen.Choose(0, 99)
            select whole + (hundredths / 100m);
        return Prop.ForAll(values.ToArbitrary(), value =>
        {
            try
            {
                AttestoCanonicalJson.CheckNumberPolicy(AttestoCanonicalJson.Parse($"[1,{value.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture)}]"));
                return false;
            }
            catch (AttestoUnsafeNumberException ex)
            {
                return ex.Path == "$[1]";
            }
        });
    }

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public Property Every_leaf_of_a_random_tree_proves_and_no_other_leaf_does()
    {
        Gen<(int Count, int Index, int Seed)> gen =
            from count in Gen.Choose(1, 70)
            from index in Gen.Choose(0, count - 1)
            from seed in Gen.Choose(0, 1_000_000)
            select (count, index, seed);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.Seed);
            List<byte[]> leaves = Enumerable.Range(0, t.Count).Select(_ => { byte[] b = new byte[32]; random.NextBytes(b); return b; }).ToList();
            string root = Hex.Encode(MerkleTree.ComputeRoot(leaves, MerkleDomain.Window));
            IReadOnlyList<MerkleProofStep> proof = MerkleTree.BuildProof(leaves, t.Index, MerkleDomain.Window);
            bool own = Proofs.VerifyInclusion(Hex.Encode(leaves[t.Index]), proof, root);
            bool other = Enumerable.Range(0, t.Count).Where(i => i != t.Index)
                .Any(i => Proofs.VerifyInclusion(Hex.Encode(leaves[i]), proof, root));
            int expectedDepth = (int)Math.Ceiling(Math.Log2(t.Count));
            return own && !other && proof.Count <= expectedDepth;
        });
    }

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Canonical_json_of_string_maps_is_key_order_independent_and_ascii() =>
        Prop.ForAll(ArbMap.Default.ArbFor<Dictionary<string, string>>(), map =>
        {
            var forward = new JObject();
            var backward = new JObject();
            foreach (KeyValuePair<string, string> pair in map.Where(p => p.Key is not null && p.Value is not null && !HasLoneSurrogate(p.Key) && !HasLoneSurrogate(p.Value)))
            {
                forward[pair.Key] = pair.Value;
            }

            foreach (JProperty property in forward.Properties().Reverse())
            {
                backward[property.Name] = property.Value.DeepClone();
            }

            byte[] bytes = AttestoCanonicalJson.Serialize(forward);
            return bytes.AsSpan().SequenceEqual(AttestoCanonicalJson.Serialize(backward)) && bytes.All(b => b is >= 0x20 and < 0x7F)
                && JToken.DeepEquals(AttestoCanonicalJson.Parse(System.Text.Encoding.ASCII.GetString(bytes)), forward);
        });

    private static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
