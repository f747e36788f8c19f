namespace Shared.Crypto;

/// <summary>
/// Process-wide secure-memory switch and the honest report of what it achieves. When enabled
/// (the default), new <see cref="SecureBuffer"/>s try to lock their pages in RAM; buffers are
/// always wiped on dispose either way, because wiping is cheap and never hurts.
/// </summary>
public static class SecureMemory
{
    private static volatile bool _enabled = true;

    /// <summary>Whether new secure buffers try to lock their pages.</summary>
    public static bool IsEnabled => _enabled;

    /// <summary>Turns page locking on for buffers created from now on.</summary>
    public static void Enable() => _enabled = true;

    /// <summary>Turns page locking off for buffers created from now on (they are still wiped).</summary>
    public static void Disable() => _enabled = false;

    /// <summary>Reports what a new secure buffer gets on this machine right now.</summary>
    /// <returns>The protection report.</returns>
    public static MemoryProtectionInfo GetProtectionInfo()
    {
        bool canLock = NativeMemoryLock.CanLock;
        bool enabled = _enabled;
        var level = enabled && canLock ? ProtectionLevel.Full : ProtectionLevel.ZeroingOnly;
        return new MemoryProtectionInfo(
            Enabled: enabled,
            Platform: NativeMemoryLock.Platform,
            ProtectionLevel: level,
            HasMemoryLocking: canLock,
            HasSecureZeroing: true,
            SupportsFullProtection: NativeMemoryLock.IsSupported,
            PageSize: NativeMemoryLock.PageSize);
    }
}
