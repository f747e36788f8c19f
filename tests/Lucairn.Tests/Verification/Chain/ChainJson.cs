using System.Text;

namespace Lucairn.Tests.Verification.Chain;

/// <summary>Parses small hand-written JSON (single quotes allowed for readability) with the strict reader.</summary>
internal static class ChainJson
{
    internal static StrictJsonNode Node(string json)
    {
        StrictJsonNode? node = StrictJsonReader.TryParse(Encoding.UTF8.GetBytes(json.Replace('\'', '"')), out string? problem);
        Assert.That(node, Is.Not.Null, problem);
        return node!;
    }

    internal static List<StrictJsonNode> Nodes(params string[] json) => json.Select(Node).ToList();
}
