using System.Reflection;

namespace TestSupport;

/// <summary>
/// Locates the conformance vectors in the repository's own <c>tests/vectors</c> (the repository
/// root is baked into each test assembly at build time). Tests read the real files; nothing is
/// embedded, and nothing outside the repository is read (see <c>tests/vectors/README.md</c>).
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

    /// <summary>The repository root (the folder holding <c>Sdk.slnx</c>), as baked in at build time.</summary>
    internal static string RepoRoot { get; } = typeof(TestVectors).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "RepoRoot")?.Value
        ?? throw new InvalidOperationException("The test assembly carries no RepoRoot metadata (see build/Test.props).");

    private static string FindRoot()
    {
        string root = System.IO.Path.Combine(RepoRoot, "tests", "vectors");
        if (!System.IO.Directory.Exists(System.IO.Path.Combine(root, "lucairn")))
        {
            throw new InvalidOperationException(
                "Conformance vectors not found in " + root + ". They are part of the repository; restore them with git.");
        }

        return root;
    }
}
