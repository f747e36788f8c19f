using System.Runtime.InteropServices;

namespace Shared.Crypto.Tests;

public class SecureBufferTests
{
    [Test]
    public void Buffer_is_all_zeros_after_dispose()
    {
        var buffer = SecureBuffer.CopyFrom([1, 2, 3, 4, 5]);
        Assert.That(MemoryMarshal.TryGetArray<byte>(buffer.Memory, out var backing), Is.True);

        buffer.Dispose();

        Assert.That(backing.ToArray(), Is.All.EqualTo((byte)0));
        Assert.That(buffer.IsDisposed, Is.True);
        Assert.Throws<ObjectDisposedException>(() => _ = buffer.Span.Length);
        Assert.DoesNotThrow(buffer.Dispose);
    }

    [Test]
    public void Buffer_is_wiped_when_an_exception_leaves_its_scope()
    {
        ArraySegment<byte> backing = default;

        Assert.Throws<InvalidOperationException>(() =>
        {
            using var buffer = new SecureBuffer(64);
            buffer.Span.Fill(0xAA);
            MemoryMarshal.TryGetArray<byte>(buffer.Memory, out backing);
            throw new InvalidOperationException("boom");
        });

        Assert.That(backing.Array, Is.Not.Null);
        Assert.That(backing.ToArray(), Is.All.EqualTo((byte)0));
    }

    [Test]
    public void TakeOwnership_wipes_the_callers_array()
    {
        byte[] secret = [7, 7, 7, 7];
        using var buffer = SecureBuffer.TakeOwnership(secret);

        Assert.That(secret, Is.All.EqualTo((byte)0));
        Assert.That(buffer.ToArray(), Is.EqualTo(new byte[] { 7, 7, 7, 7 }));
    }

    [Test]
    public void Locking_follows_the_request_and_the_probe()
    {
        using var unlocked = new SecureBuffer(32, lockMemory: false);
        Assert.That(unlocked.IsLocked, Is.False);

        using var locked = new SecureBuffer(32, lockMemory: true);
        Assert.That(locked.IsLocked, Is.EqualTo(SecureMemory.GetProtectionInfo().HasMemoryLocking));
    }

    [Test]
    public void Protection_info_reports_the_platform_and_the_switch()
    {
        var info = SecureMemory.GetProtectionInfo();
        Assert.That(info.HasSecureZeroing, Is.True);
        Assert.That(info.PageSize, Is.GreaterThan(0));
        if (OperatingSystem.IsLinux())
        {
            Assert.That(info.Platform, Is.EqualTo("linux"));
            Assert.That(info.SupportsFullProtection, Is.True);
        }

        try
        {
            SecureMemory.Disable();
            var off = SecureMemory.GetProtectionInfo();
            Assert.That(off.Enabled, Is.False);
            Assert.That(off.ProtectionLevel, Is.EqualTo(ProtectionLevel.ZeroingOnly));
            Assert.That(off.ProtectionLevelName, Is.EqualTo("zeroing_only"));
            using var buffer = new SecureBuffer(16);
            Assert.That(buffer.IsLocked, Is.False);
        }
        finally
        {
            SecureMemory.Enable();
        }

        var on = SecureMemory.GetProtectionInfo();
        Assert.That(on.ProtectionLevel, Is.EqualTo(on.HasMemoryLocking ? ProtectionLevel.Full : ProtectionLevel.ZeroingOnly));
    }

    [Test]
    public void Negative_length_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SecureBuffer(-1));
}
