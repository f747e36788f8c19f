using System.Runtime.InteropServices;

namespace Attesto;

/// <summary>
/// Makes a rename durable: after <c>rename(2)</c> the new directory entry may sit only in the
/// page cache, so a power loss could bring back the old file. fsync'ing the directory itself
/// (Linux, macOS) writes the entry out. On Windows, <c>MoveFileEx</c> with replace is journaled
/// by NTFS and .NET offers no directory handle to flush, so this is a no-op there.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0; // O_RDONLY is 0 on Linux and macOS.
    private const int InvalidArgument = 22; // EINVAL on Linux and macOS: the file system cannot sync directories.

    /// <summary>fsyncs <paramref name="directory"/> (no-op on Windows).</summary>
    /// <param name="directory">An existing directory.</param>
    /// <exception cref="IOException">The directory could not be opened or synced.</exception>
    internal static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        int fd = Open(directory, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"Could not open the directory '{directory}' to sync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0 && Marshal.GetLastPInvokeError() is int errno && errno != InvalidArgument)
            {
                throw new IOException($"Could not sync the directory '{directory}' to disk (errno {errno}); the new heads file may not survive a power loss.");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
