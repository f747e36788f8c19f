using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Shared.Crypto;

/// <summary>
/// A byte buffer for secrets (keys, plaintexts). Its array is allocated pinned, so the garbage
/// collector never copies it; its pages are locked in RAM where the OS allows (see
/// <see cref="IsLocked"/>); and <see cref="Dispose"/> wipes it and unlocks it, also when an
/// exception leaves a <c>using</c> block. Not thread-safe for concurrent writes.
/// </summary>
public sealed class SecureBuffer : IDisposable
{
    private readonly byte[] _data;
    private bool _disposed;

    /// <summary>Allocates a zeroed secure buffer.</summary>
    /// <param name="length">The size in bytes (zero or more).</param>
    /// <param name="lockMemory">Whether to try to lock the pages; defaults to <see cref="SecureMemory.IsEnabled"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public SecureBuffer(int length, bool? lockMemory = null)
        : this(AllocatePinned(length), lockMemory ?? SecureMemory.IsEnabled)
    {
    }

    private SecureBuffer(byte[] pinned, bool lockMemory)
    {
        _data = pinned;
        if (lockMemory && pinned.Length > 0)
        {
            unsafe
            {
                IsLocked = NativeMemoryLock.TryLock(AddressOf(pinned), (nuint)pinned.Length);
            }
        }
    }

    /// <summary>The size in bytes.</summary>
    public int Length => _data.Length;

    /// <summary>Whether the pages are locked in RAM (false when locking was refused or disabled).</summary>
    public bool IsLocked { get; private set; }

    /// <summary>Whether the buffer has been wiped and released.</summary>
    public bool IsDisposed => _disposed;

    /// <summary>The contents. Do not keep the span past <see cref="Dispose"/>.</summary>
    /// <exception cref="ObjectDisposedException">The buffer was disposed.</exception>
    public Span<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _data;
        }
    }

    /// <summary>The contents as memory. Do not keep it past <see cref="Dispose"/>.</summary>
    /// <exception cref="ObjectDisposedException">The buffer was disposed.</exception>
    public Memory<byte> Memory
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _data;
        }
    }

    /// <summary>Copies bytes into a new secure buffer. The source is left as it is.</summary>
    /// <param name="source">The bytes to copy.</param>
    /// <param name="lockMemory">Whether to try to lock the pages; defaults to <see cref="SecureMemory.IsEnabled"/>.</param>
    /// <returns>The new buffer.</returns>
    public static SecureBuffer CopyFrom(ReadOnlySpan<byte> source, bool? lockMemory = null)
    {
        var buffer = new SecureBuffer(source.Length, lockMemory);
        source.CopyTo(buffer._data);
        return buffer;
    }

    /// <summary>
    /// Moves a secret into a new secure buffer: the bytes are copied and the caller's array is
    /// wiped at once, so only the secure copy remains.
    /// </summary>
    /// <param name="source">The array to move from; it is zeroed.</param>
    /// <param name="lockMemory">Whether to try to lock the pages; defaults to <see cref="SecureMemory.IsEnabled"/>.</param>
    /// <returns>The new buffer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static SecureBuffer TakeOwnership(byte[] source, bool? lockMemory = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            return CopyFrom(source, lockMemory);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(source);
        }
    }

    /// <summary>Copies the contents to a new ordinary array (which is not protected).</summary>
    /// <returns>A copy of the bytes.</returns>
    /// <exception cref="ObjectDisposedException">The buffer was disposed.</exception>
    public byte[] ToArray() => Span.ToArray();

    /// <summary>Wipes the buffer, unlocks its pages and marks it disposed. Safe to call twice.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CryptographicOperations.ZeroMemory(_data);
        if (IsLocked)
        {
            unsafe
            {
                NativeMemoryLock.Unlock(AddressOf(_data), (nuint)_data.Length);
            }

            IsLocked = false;
        }
    }

    private static byte[] AllocatePinned(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return GC.AllocateArray<byte>(length, pinned: true);
    }

    /// <summary>The address of a pinned (POH) array's first byte; stable for the array's lifetime.</summary>
    private static unsafe void* AddressOf(byte[] pinned) =>
        System.Runtime.CompilerServices.Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
}
