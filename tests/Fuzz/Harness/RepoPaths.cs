using System.Reflection;

namespace Fuzz.Harness;

/// <summary>
/// The repository folders the harness reads: the root baked in at build time (overridable with
/// the <c>FUZZ_REPO_ROOT</c> environment variable, e.g. for a published copy moved elsewhere).
/// </summary>
public static class RepoPaths
{
    /// <summary>The repository root (the folder holding <c>Sdk.slnx</c>).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The conformance vectors, <c>tests/vectors</c>.</summary>
    public static string Vectors => Path.Combine(Root, "tests", "vectors");

    /// <summary>The saved crash and hang inputs of one target, <c>tests/Fuzz/regressions/&lt;target&gt;</c>.</summary>
    /// <param name="target">The target name.</param>
    /// <returns>The folder (it may not exist).</returns>
    public static string Regressions(string target) => Path.Combine(Root, "tests", "Fuzz", "regressions", target);

    /// <summary>A file of the fuzz project, e.g. <c>Keys/…</c>.</summary>
    /// <param name="relative">The path below <c>tests/Fuzz</c>.</param>
    /// <returns>The full path.</returns>
    public static string FuzzFile(string relative) => Path.Combine(Root, "tests", "Fuzz", relative);

    private static string FindRoot()
    {
        string? root = Environment.GetEnvironmentVariable("FUZZ_REPO_ROOT");
        if (string.IsNullOrEmpty(root))
        {
            root = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        }

        if (string.IsNullOrEmpty(root) || !File.Exists(Path.Combine(root, "Sdk.slnx")))
        {
            throw new InvalidOperationException(
                $"The repository root was not found (got '{root}'); set FUZZ_REPO_ROOT to the folder holding Sdk.slnx.");
        }

        return root;
    }
}
