namespace Benchmarks.Lucairn;

/// <summary>Finds ../shared/vectors/lucairn beside the repository root (the folder holding Sdk.slnx).</summary>
internal static class LucairnVectors
{
    internal static string Directory { get; } = Find();

    private static string Find()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sdk.slnx")))
            {
                foreach (string candidate in new[] { Path.Combine(dir.FullName, "..", "shared", "vectors", "lucairn"), Path.Combine(dir.FullName, "tests", "vectors", "lucairn") })
                {
                    if (System.IO.Directory.Exists(candidate))
                    {
                        return Path.GetFullPath(candidate);
                    }
                }
            }
        }

        throw new DirectoryNotFoundException("vectors/lucairn not found above " + AppContext.BaseDirectory);
    }
}
