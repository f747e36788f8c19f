using System.Runtime.InteropServices;

namespace Shared.Crypto.Tests;

/// <summary>
/// What disposing a <see cref="SecureBuffer"/> undoes (the page lock, checked against Linux's
/// <c>VmLck</c> counter), the disposed-state guard on <see cref="SecureBuffer.Memory"/>, where
/// the bytes live (the pinned heap, so the locked address stays valid) and the process switch.
/// </summary>
[NonParallelizable]
public class SecureBufferLifecycleTests
{
    [Test]
    public void Memory_is_refused_after_dispose()
    {
        var buffer = new SecureBuffer(8, lockMemory: false);
        buffer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => _ = buffer.Memory);
    }

    [Test]
    public void The_bytes_live_in_a_pinned_array_that_the_collector_never_moves()
    {
        using var buffer = new SecureBuffer(32, lockMemory: false);
        Assert.That(MemoryMarshal.TryGetArray<byte>(buffer.Memory, out ArraySegment<byte> backing), Is.True);

        // Pinned-object-heap arrays report the oldest generation from birth; an ordinary new 32-byte array is in generation 0.
        Assert.That(GC.GetGeneration(backing.Array!), Is.EqualTo(GC.MaxGeneration));
    }

    [Test]
    public void Dispose_unlocks_what_the_buffer_locked()
    {
        if (!OperatingSystem.IsLinux() || !NativeMemoryLock.CanLock)
        {
            Assert.Ignore("Needs Linux's VmLck counter and a process allowed to lock pages.");
        }

        long before = LockedKilobytes();
        var buffer = new SecureBuffer(3 * Environment.SystemPageSize, lockMemory: true);
        Assert.That(buffer.IsLocked, Is.True);
        Assert.That(LockedKilobytes(), Is.GreaterThan(before));

        buffer.Dispose();

        Assert.That(buffer.IsLocked, Is.False);
        Assert.That(LockedKilobytes(), Is.EqualTo(before));
    }

    [Test]
    public void Enabling_again_after_disabling_turns_locking_back_on()
    {
        try
        {
            SecureMemory.Disable();
            Assert.That(SecureMemory.IsEnabled, Is.False);
            SecureMemory.Enable();
            Assert.That(SecureMemory.IsEnabled, Is.True);
        }
        finally
        {
            SecureMemory.Enable();
        }
    }

    internal static long LockedKilobytes()
    {
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmLck:", StringComparison.Ordinal));
        return long.Parse(line["VmLck:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
