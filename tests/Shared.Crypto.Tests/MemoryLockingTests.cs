using System.Runtime.InteropServices;

namespace Shared.Crypto.Tests;

/// <summary>
/// The operating-system page lock under <see cref="SecureBuffer"/>: what it reports for this
/// platform, the zero-length rule, and (on Linux, where the kernel reports locked memory in
/// <c>/proc/self/status</c>) that a lock really locks and an unlock really unlocks.
/// </summary>
[NonParallelizable]
public class MemoryLockingTests
{
    [Test]
    public void The_platform_facts_match_the_running_system()
    {
        string expected = OperatingSystem.IsLinux() ? "linux"
            : OperatingSystem.IsMacOS() ? "macos"
            : OperatingSystem.IsWindows() ? "windows"
            : "other";

        Assert.That(NativeMemoryLock.Platform, Is.EqualTo(expected));
        Assert.That(NativeMemoryLock.IsSupported, Is.EqualTo(expected != "other"));
        Assert.That(NativeMemoryLock.PageSize, Is.EqualTo(Environment.SystemPageSize));
        Assert.That(SecureMemory.GetProtectionInfo().PageSize, Is.EqualTo(Environment.SystemPageSize));
        Assert.That(SecureMemory.GetProtectionInfo().Platform, Is.EqualTo(expected));
    }

    [Test]
    public unsafe void A_zero_length_lock_is_refused()
    {
        byte* data = stackalloc byte[16];
        Assert.That(NativeMemoryLock.TryLock(data, 0), Is.False);
    }

    [Test]
    public unsafe void Lock_and_unlock_change_the_locked_memory_the_kernel_reports()
    {
        if (!OperatingSystem.IsLinux() || !NativeMemoryLock.CanLock)
        {
            Assert.Ignore("Needs Linux's VmLck counter and a process allowed to lock pages.");
        }

        const int Pages = 8;
        nuint length = (nuint)(Pages * Environment.SystemPageSize);
        void* block = NativeMemory.AlignedAlloc(length, (nuint)Environment.SystemPageSize);
        try
        {
            long before = LockedKilobytes();
            Assert.That(NativeMemoryLock.TryLock(block, length), Is.True);
            long locked = LockedKilobytes();
            NativeMemoryLock.Unlock(block, length);
            long after = LockedKilobytes();

            Assert.That(locked - before, Is.EqualTo(Pages * Environment.SystemPageSize / 1024));
            Assert.That(after, Is.EqualTo(before));
        }
        finally
        {
            NativeMemory.AlignedFree(block);
        }
    }

    [Test]
    public unsafe void A_lock_reports_success_exactly_when_the_kernel_counts_the_pages_locked()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("Needs Linux's VmLck counter.");
        }

        nuint length = (nuint)Environment.SystemPageSize;
        void* block = NativeMemory.AlignedAlloc(length, length);
        try
        {
            long before = LockedKilobytes();
            bool reported = NativeMemoryLock.TryLock(block, length);
            bool counted = LockedKilobytes() > before;
            NativeMemoryLock.Unlock(block, length);

            Assert.That(reported, Is.EqualTo(counted));
        }
        finally
        {
            NativeMemory.AlignedFree(block);
        }
    }

    [Test]
    public void The_probe_says_locking_works_where_a_real_lock_succeeds()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("The direct check below uses Linux's VmLck counter.");
        }

        bool direct = TryLockOnePage();
        Assert.That(NativeMemoryLock.CanLock, Is.EqualTo(direct));
        Assert.That(SecureMemory.GetProtectionInfo().HasMemoryLocking, Is.EqualTo(direct));
        using var buffer = new SecureBuffer(32, lockMemory: true);
        Assert.That(buffer.IsLocked, Is.EqualTo(direct));
    }

    [Test]
    public void Protection_names_cover_every_level()
    {
        var info = SecureMemory.GetProtectionInfo();

        Assert.That((info with { ProtectionLevel = ProtectionLevel.Full }).ProtectionLevelName, Is.EqualTo("full"));
        Assert.That((info with { ProtectionLevel = ProtectionLevel.ZeroingOnly }).ProtectionLevelName, Is.EqualTo("zeroing_only"));
        Assert.That((info with { ProtectionLevel = ProtectionLevel.None }).ProtectionLevelName, Is.EqualTo("none"));
    }

    private static unsafe bool TryLockOnePage()
    {
        nuint length = (nuint)Environment.SystemPageSize;
        void* block = NativeMemory.AlignedAlloc(length, length);
        try
        {
            long before = LockedKilobytes();
            bool ok = NativeMemoryLock.TryLock(block, length);
            if (ok)
            {
                Assert.That(LockedKilobytes(), Is.GreaterThan(before), "a reported lock is a real lock");
                NativeMemoryLock.Unlock(block, length);
            }

            return ok;
        }
        finally
        {
            NativeMemory.AlignedFree(block);
        }
    }

    private static long LockedKilobytes()
    {
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmLck:", StringComparison.Ordinal));
        return long.Parse(line["VmLck:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
