using System.Text.RegularExpressions;
using TestSupport;

namespace Tools.Tests.Repository;

/// <summary>
/// A fresh clone must pass on its own: tests, benchmarks, samples, tools, build scripts and the
/// packages never read the read-only material beside the repository. Only the drift test and
/// <c>build/sync-vectors.sh</c> may name it.
/// </summary>
public class SelfContainedRepositoryTests
{
    private static readonly string[] Folders = ["tests", "samples", "build", ".ci", "Shared.Crypto", "Lucairn", "Attesto", "Nomyo"];

    private static readonly string[] Allowed =
    [
        Path.Combine("tests", "Tools.Tests", "Repository", "VectorDriftTests.cs"),
        Path.Combine("build", "sync-vectors.sh"),
    ];

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "bin", "obj", "TestResults", "BenchmarkDotNet.Artifacts" };

    // A parent-relative path to the shared folder, written either way (kept out of a plain literal so this file does not match itself).
    private static readonly Regex OutsideReference = new(@"\.\.[/\\]shared\b|""\.\.""\s*,\s*""" + "shared" + @"""", RegexOptions.Compiled);

    [Test]
    public void Nothing_but_the_drift_test_and_the_sync_script_refers_to_the_shared_folder()
    {
        var offenders = new List<string>();
        foreach (string folder in Folders)
        {
            string start = Path.Combine(TestVectors.RepoRoot, folder);
            if (Directory.Exists(start))
            {
                Scan(start, offenders);
            }
        }

        Assert.That(offenders, Is.Empty, "These files refer to the read-only shared folder; read tests/vectors instead.");
    }

    [Test]
    public void The_scan_would_catch_a_reference()
    {
        Assert.That(OutsideReference.IsMatch("Path.Combine(root, \"..\", \"shared\", \"vectors\")"), Is.True);
        Assert.That(OutsideReference.IsMatch("see .." + "/shared/vectors"), Is.True);
        Assert.That(OutsideReference.IsMatch("see tests/vectors"), Is.False);
    }

    private static void Scan(string directory, List<string> offenders)
    {
        foreach (string file in Directory.EnumerateFiles(directory))
        {
            string relative = Path.GetRelativePath(TestVectors.RepoRoot, file);
            if (Allowed.Contains(relative) || relative.StartsWith(Path.Combine("tests", "vectors") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue; // the drift test, the sync script, and the conformance data itself (upstream manifests)
            }

            if (new FileInfo(file).Length < 4 * 1024 * 1024 && OutsideReference.IsMatch(File.ReadAllText(file)))
            {
                offenders.Add(relative);
            }
        }

        foreach (string child in Directory.EnumerateDirectories(directory))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(child)))
            {
                Scan(child, offenders);
            }
        }
    }
}
