using Tools;

namespace Lucairn.Verify.Chain;

/// <summary>
/// Reads the certificate as raw bytes (never decoded to text: the chain verifier checks the bytes
/// as received), at most 32 MiB + 1 byte so an oversized input is refused by the verifier's size
/// check without being read whole. I/O problems are usage errors.
/// </summary>
internal static class ChainInput
{
    internal const int Limit = (32 << 20) + 1;

    internal static byte[] ReadBytes(string path, Func<Stream> stdin)
    {
        try
        {
            using Stream stream = path == "-" ? stdin() : File.OpenRead(path);
            return BoundedRead.ReadAll(stream, Limit);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read '{path}': {ex.Message}");
        }
    }

    /// <summary>A small text file (a key or a key file).</summary>
    internal static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read '{path}': {ex.Message}");
        }
    }
}
