using System.Text;
using Newtonsoft.Json.Linq;

namespace Lucairn.Tests.Verification.Chain;

/// <summary>
/// The strict reader's fast paths (known key names shared from <see cref="KnownKeys"/>, the
/// case-variant flag reported while parsing, exact-size containers built from scratch lists)
/// give the same tree and the same verdicts as the plain rules.
/// </summary>
public class StrictReaderScratchTests
{
    private static IEnumerable<TestCaseData> CorpusCases() =>
        ChainCorpus.PresentCases.Select(c => new TestCaseData(c).SetName("ReaderFlagMatchesTreeWalk_" + (string)c["id"]!));

    [TestCaseSource(nameof(CorpusCases))]
    public void ReaderFlagMatchesTreeWalk(JObject manifestCase)
    {
        byte[] input = ChainCorpus.Input(manifestCase);
        StrictJsonNode? tree = StrictJsonReader.TryParse(input, out string? problem, out bool flagged);
        StrictJsonNode? plain = StrictJsonReader.TryParse(input, out string? plainProblem);
        Assert.Multiple(() =>
        {
            Assert.That(problem, Is.EqualTo(plainProblem));
            Assert.That(tree is null, Is.EqualTo(plain is null));
            if (tree is not null)
            {
                Assert.That(flagged, Is.EqualTo(CaseVariantKeys.Any(tree)));
                Assert.That(CanonicalLexeme.Write(tree), Is.EqualTo(CanonicalLexeme.Write(plain!)));
            }
        });
    }

    [TestCase("{\"byok_exempt\":true}", false)]
    [TestCase("{\"a\":{\"b\":[{\"BYOK_EXEMPT\":true}]}}", true)]
    [TestCase("{\"a\":[1,{\"byokExempt\":1}]}", true)]
    [TestCase("{\"\\u0062yok_EXEMPT\":1}", true)]
    [TestCase("{\"\\u0062yok_exempt\":1}", false)]
    [TestCase("{\"\u212A_anonymity\":1}", true)]
    [TestCase("{\"PERSON\":1,\"payload\":{\"claim_id\":\"x\"}}", false)]
    public void CaseVariantKeysAnywhereAreFlagged(string json, bool flagged)
    {
        StrictJsonNode? tree = StrictJsonReader.TryParse(Encoding.UTF8.GetBytes(json), out _, out bool reported);
        Assert.Multiple(() =>
        {
            Assert.That(reported, Is.EqualTo(flagged));
            Assert.That(CaseVariantKeys.Any(tree!), Is.EqualTo(flagged));
        });
    }

    [Test]
    public void KnownKeyNamesAreTheDecodedStrings()
    {
        StrictJsonNode? tree = StrictJsonReader.TryParse("{\"claim_id\":1,\"claim_i\\u0064\":2}"u8, out _);
        Assert.That(tree, Is.Null, "an escaped spelling of a known key is still the same key (duplicate)");

        StrictJsonNode ok = StrictJsonReader.TryParse("{\"claim_id\":1,\"claim_ids\":[],\"claim\":{}}"u8, out _)!;
        Assert.That(ok.Members!.Select(m => m.Key), Is.EqualTo(new[] { "claim_id", "claim_ids", "claim" }));
    }

    [TestCase(3)]
    [TestCase(16)]
    [TestCase(17)]
    [TestCase(40)]
    public void DuplicateKeysAreFoundInSmallAndLargeNestedObjects(int members)
    {
        string inner = string.Join(",", Enumerable.Range(0, members).Select(i => $"\"k{i}\":{i}"));
        string ok = $"{{\"outer\":[{{{inner}}},{{{inner}}}],\"k0\":{{{inner}}}}}";
        string dup = $"{{\"outer\":[{{{inner},\"k{members - 1}\":0}}]}}";
        StrictJsonNode? tree = StrictJsonReader.TryParse(Encoding.UTF8.GetBytes(ok), out _);
        Assert.Multiple(() =>
        {
            Assert.That(tree, Is.Not.Null);
            Assert.That(tree!.Get("outer")!.Items!.Select(item => item.Members!.Count), Is.EqualTo(new[] { members, members }));
            Assert.That(tree.Get("k0")!.Members!.Count, Is.EqualTo(members));
            Assert.That(StrictJsonReader.TryParse(Encoding.UTF8.GetBytes(dup), out string? problem), Is.Null);
            Assert.That(problem, Does.Contain("twice"));
        });
    }
}
