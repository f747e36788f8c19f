namespace Benchmarks.Lucairn;

/// <summary>Finds tests/vectors/lucairn under the repository root (the folder holding Sdk.slnx).</summary>
internal static class LucairnVectors
{
    internal static string Directory { get; } = Find();

    private static string Find()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sdk.slnx")))
            {
                string candidate = Path.Combine(dir.FullName, "tests", "vectors", "lucairn");
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("vectors/lucairn not found above " + AppContext.BaseDirectory);
    }
}
