using Newtonsoft.Json.Linq;
using Shared.Crypto;
using TestSupport;

namespace Attesto.Tests;

/// <summary>Reads the Attesto conformance vectors with the no-reformatting JSON settings.</summary>
internal static class Vectors
{
    internal static JObject Read(string file) =>
        (JObject)CanonicalJson.Parse(TestVectors.ReadText("attesto", file), AttestoCanonicalJson.Options);

    internal static JObject Parse(string json) => (JObject)CanonicalJson.Parse(json, AttestoCanonicalJson.Options);

    internal static IEnumerable<JObject> Cases(string file, string key = "cases") =>
        ((JArray)Read(file)[key]!).Cast<JObject>();

    internal static TestCaseData[] CaseData(string file, string key = "cases") =>
        Cases(file, key).Select((c, i) => new TestCaseData(c).SetArgDisplayNames((string?)c["name"] ?? $"{key}[{i}]")).ToArray();
}
