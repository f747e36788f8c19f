namespace Shared.Crypto;

/// <summary>
/// What secure memory does on this machine, reported honestly. Managed strings and copies the
/// runtime makes are never covered: only bytes held in a <see cref="SecureBuffer"/> are.
/// </summary>
/// <param name="Enabled">Whether secure memory is enabled process-wide (<see cref="SecureMemory.IsEnabled"/>).</param>
/// <param name="Platform">The platform name: <c>linux</c>, <c>macos</c>, <c>windows</c> or <c>other</c>.</param>
/// <param name="ProtectionLevel">What a new buffer gets: locked and wiped, wiped only, or nothing.</param>
/// <param name="HasMemoryLocking">Whether this process can lock pages (probed with a real lock).</param>
/// <param name="HasSecureZeroing">Whether buffers are wiped on dispose (always true: the wipe cannot be optimised away).</param>
/// <param name="SupportsFullProtection">Whether the platform has a page-locking call at all.</param>
/// <param name="PageSize">The system page size in bytes.</param>
public sealed record MemoryProtectionInfo(
    bool Enabled,
    string Platform,
    ProtectionLevel ProtectionLevel,
    bool HasMemoryLocking,
    bool HasSecureZeroing,
    bool SupportsFullProtection,
    int PageSize)
{
    /// <summary>The wire name of <see cref="ProtectionLevel"/>: <c>full</c>, <c>zeroing_only</c> or <c>none</c>.</summary>
    public string ProtectionLevelName => ProtectionLevel switch
    {
        ProtectionLevel.Full => "full",
        ProtectionLevel.ZeroingOnly => "zeroing_only",
        _ => "none",
    };
}
