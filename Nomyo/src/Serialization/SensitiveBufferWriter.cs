using System.Security.Cryptography;
using Shared.Crypto;

namespace Nomyo;

/// <summary>
/// A growable byte buffer for serialized secrets: its arrays are pinned (never copied by the
/// GC), every outgrown array is wiped at once, and <see cref="Dispose"/> wipes the last one.
/// </summary>
internal sealed class SensitiveBufferWriter : IDisposable
{
    private byte[] _buffer;
    private int _length;

    internal SensitiveBufferWriter(int initialCapacity = 1024)
    {
        _buffer = GC.AllocateArray<byte>(Math.Max(16, initialCapacity), pinned: true);
    }

    /// <summary>The number of bytes written.</summary>
    internal int Length => _length;

    /// <summary>The bytes written so far.</summary>
    internal ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    internal void Write(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    internal void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Writes ASCII text (the caller guarantees every char is below U+0080).</summary>
    internal void WriteAscii(ReadOnlySpan<char> text)
    {
        Ensure(text.Length);
        Span<byte> target = _buffer.AsSpan(_length, text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            target[i] = (byte)text[i];
        }

        _length += text.Length;
    }

    /// <summary>A writable span of at least <paramref name="size"/> bytes; call <see cref="Advance"/> after.</summary>
    internal Span<byte> GetSpan(int size)
    {
        Ensure(size);
        return _buffer.AsSpan(_length);
    }

    internal void Advance(int count) => _length += count;

    /// <summary>Copies the bytes into a secure buffer (locked when <paramref name="lockMemory"/>).</summary>
    internal SecureBuffer ToSecureBuffer(bool lockMemory) => SecureBuffer.CopyFrom(WrittenSpan, lockMemory);

    /// <summary>Copies the bytes into an ordinary array (for data that is not secret, such as a sealed package).</summary>
    internal byte[] ToArray() => WrittenSpan.ToArray();

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_buffer);
        _length = 0;
    }

    private void Ensure(int extra)
    {
        long needed = (long)_length + extra;
        if (needed <= _buffer.Length)
        {
            return;
        }

        long size = Math.Max(needed, (long)_buffer.Length * 2);
        size = Math.Min(size, Array.MaxLength);
        if (size < needed)
        {
            throw NomyoValidationException.For("payload", $"is too large: its serialized form exceeds the largest array .NET can hold ({Array.MaxLength} bytes).");
        }

        byte[] grown = GC.AllocateArray<byte>((int)size, pinned: true);
        _buffer.AsSpan(0, _length).CopyTo(grown);
        CryptographicOperations.ZeroMemory(_buffer);
        _buffer = grown;
    }
}
