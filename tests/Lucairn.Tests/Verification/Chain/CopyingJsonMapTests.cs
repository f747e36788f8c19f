using Newtonsoft.Json.Linq;

namespace Lucairn.Tests.Verification.Chain;

/// <summary>The verified-values map: lookups by key, and every read a fresh copy.</summary>
public class CopyingJsonMapTests
{
    private static CopyingJsonMap<JValue> Map() =>
        new(new Dictionary<string, JValue>(StringComparer.Ordinal) { ["/a"] = new JValue("x") });

    [Test]
    public void MissingKeyIsNotFound()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Map().TryGetValue("/b", out JValue? missing), Is.False);
            Assert.That(missing, Is.Null);
            Assert.That(Map().ContainsKey("/b"), Is.False);
        });
    }

    [Test]
    public void FoundValueIsACopy()
    {
        CopyingJsonMap<JValue> map = Map();
        Assert.That(map.TryGetValue("/a", out JValue? found), Is.True);
        found!.Value = "changed";
        Assert.That((string?)map["/a"], Is.EqualTo("x"));
    }
}
