using System.Reflection;

namespace TestSupport;

/// <summary>
/// Locates the read-only conformance vectors in <c>../shared/vectors</c> beside the repository
/// root (the root is baked into each test assembly at build time), or in <c>tests/vectors</c>
/// when a copy is kept there. Tests read the real files; nothing is embedded.
/// </summary>
internal static class TestVectors
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder that holds <c>lucairn/</c>, <c>attesto/</c> and <c>lucairn-chain/</c>.</summary>
    internal static string Directory => Root.Value;

    /// <summary>The full path of a vector file, e.g. <c>Path("lucairn", "cert-valid-anchored.json")</c>.</summary>
    internal static string PathOf(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    /// <summary>The text of a vector file.</summary>
    internal static string ReadText(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>The bytes of a hex vector file (whitespace trimmed).</summary>
    internal static byte[] ReadHex(params string[] parts) => Convert.FromHexString(ReadText(parts).Trim());

    private static string FindRoot()
    {
        string? repoRoot = typeof(TestVectors).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        var candidates = new List<string>();
        if (repoRoot is not null)
        {
            candidates.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(repoRoot, "..", "shared", "vectors")));
            candidates.Add(System.IO.Path.Combine(repoRoot, "tests", "vectors"));
        }

        foreach (string candidate in candidates)
        {
            if (System.IO.Directory.Exists(System.IO.Path.Combine(candidate, "lucairn")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "Conformance vectors not found. Looked in: " + string.Join(", ", candidates) +
            ". Keep ../shared/vectors beside the repository root or copy it to tests/vectors.");
    }
}
