using System.Runtime.InteropServices;

namespace Shared.Crypto;

/// <summary>
/// Page locking through the operating system: <c>mlock</c>/<c>munlock</c> from libc on Linux and
/// macOS, <c>VirtualLock</c>/<c>VirtualUnlock</c> on Windows. Every failure is reported as
/// false, never thrown: locking is best effort (EPERM or ENOMEM degrade to zeroing only).
/// </summary>
internal static partial class NativeMemoryLock
{
    internal static string Platform { get; } =
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsMacOS() ? "macos"
        : OperatingSystem.IsWindows() ? "windows"
        : "other";

    internal static bool IsSupported { get; } = Platform is "linux" or "macos" or "windows";

    internal static int PageSize { get; } = Environment.SystemPageSize;

    private static readonly Lazy<bool> Probe = new(ProbeLocking);

    /// <summary>Whether a real lock succeeded once in this process.</summary>
    internal static bool CanLock => Probe.Value;

    internal static unsafe bool TryLock(void* address, nuint length)
    {
        if (!IsSupported || length == 0)
        {
            return false;
        }

        try
        {
            return OperatingSystem.IsWindows() ? VirtualLock(address, length) : mlock(address, length) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    internal static unsafe void Unlock(void* address, nuint length)
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                _ = VirtualUnlock(address, length);
            }
            else
            {
                _ = munlock(address, length);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Nothing was locked through a missing library, so there is nothing to undo.
        }
    }

    private static unsafe bool ProbeLocking()
    {
        byte* page = stackalloc byte[64];
        if (!TryLock(page, 64))
        {
            return false;
        }

        Unlock(page, 64);
        return true;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int mlock(void* addr, nuint len);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int munlock(void* addr, nuint len);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static unsafe partial bool VirtualLock(void* address, nuint size);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static unsafe partial bool VirtualUnlock(void* address, nuint size);
}
