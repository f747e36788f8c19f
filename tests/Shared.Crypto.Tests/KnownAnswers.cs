using Newtonsoft.Json.Linq;

namespace Shared.Crypto.Tests;

/// <summary>Reads the published known-answer vectors stored in this project's Vectors folder.</summary>
internal static class KnownAnswers
{
    internal static IEnumerable<TestCaseData> Cases(string file)
    {
        var root = JObject.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", file)));
        foreach (JObject c in root["cases"]!.Cast<JObject>())
        {
            yield return new TestCaseData(c).SetArgDisplayNames((string)c["name"]!);
        }
    }

    internal static byte[] Bytes(JObject c, string name) => Convert.FromHexString((string)c[name]!);
}
