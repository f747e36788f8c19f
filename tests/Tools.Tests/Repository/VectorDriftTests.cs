using System.Security.Cryptography;
using TestSupport;

namespace Tools.Tests.Repository;

/// <summary>
/// The one test allowed to look outside the repository: where the read-only source of the
/// conformance data (<c>../shared/vectors</c> beside the repository root) exists, every file in it
/// must have a byte-identical copy under <c>tests/vectors</c>. Refresh with <c>build/sync-vectors.sh</c>.
/// </summary>
public class VectorDriftTests
{
    [Test]
    public void Every_shared_vector_file_has_a_byte_identical_copy_in_tests_vectors()
    {
        string source = Path.GetFullPath(Path.Combine(TestVectors.RepoRoot, "..", "shared", "vectors"));
        if (!Directory.Exists(source))
        {
            Assert.Ignore($"No {source} beside the repository: nothing to compare the copy in tests/vectors with.");
        }

        var missing = new List<string>();
        var differing = new List<string>();
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(source, file);
            string copy = Path.Combine(TestVectors.Directory, relative);
            if (!File.Exists(copy))
            {
                missing.Add(relative);
            }
            else if (!SHA256.HashData(File.ReadAllBytes(file)).AsSpan().SequenceEqual(SHA256.HashData(File.ReadAllBytes(copy))))
            {
                differing.Add(relative);
            }
        }

        Assert.That(missing.Count + differing.Count, Is.Zero,
            "tests/vectors has drifted from the shared vectors (run build/sync-vectors.sh)." +
            (missing.Count > 0 ? "\nMissing: " + string.Join(", ", missing) : string.Empty) +
            (differing.Count > 0 ? "\nDiffering: " + string.Join(", ", differing) : string.Empty));
    }
}
