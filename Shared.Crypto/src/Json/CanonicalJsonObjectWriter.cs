using System.Buffers;
using System.Buffers.Text;
using System.Globalization;

namespace Shared.Crypto;

/// <summary>
/// Writes one flat canonical JSON object member by member, straight into a pooled buffer: the
/// fast path for signing and verifying maps whose keys are known in advance (no token tree, no
/// sort). The bytes are exactly what <see cref="CanonicalJson.Serialize(Newtonsoft.Json.Linq.JToken, CanonicalJsonOptions)"/>
/// writes for the same object. Members must be written in canonical (code-point) key order;
/// an out-of-order or repeated key is an <see cref="InvalidOperationException"/>, never silently
/// reordered. Values are strings, null, booleans, integers and arrays of strings. Dispose the
/// writer to return its buffer; one instance per object, not shared between threads.
/// </summary>
public sealed class CanonicalJsonObjectWriter : IDisposable
{
    private readonly CanonicalJsonOptions _options;
    private byte[]? _buffer;
    private int _length;
    private string? _lastName;
    private bool _completed;

    /// <summary>Starts an object.</summary>
    /// <param name="options">The profile (its integer policy applies to <see cref="WriteInteger"/>).</param>
    /// <param name="initialCapacity">The expected size in bytes; the buffer grows when needed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialCapacity"/> is negative.</exception>
    public CanonicalJsonObjectWriter(CanonicalJsonOptions options, int initialCapacity = 512)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(initialCapacity);
        _options = options;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(64, initialCapacity));
        _buffer[0] = (byte)'{';
        _length = 1;
    }

    /// <summary>Writes a string member; a null value is written as JSON <c>null</c>.</summary>
    /// <param name="name">The key, after every key written so far in code-point order.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The key is out of order, or the object is complete or disposed.</exception>
    /// <exception cref="CanonicalJsonException">The key or value has a lone surrogate.</exception>
    public void WriteString(string name, string? value)
    {
        WriteName(name);
        if (value is null)
        {
            Append("null"u8);
        }
        else
        {
            WriteQuoted(value, name, itemIndex: -1);
        }
    }

    /// <summary>Writes a <c>null</c> member.</summary>
    /// <param name="name">The key, after every key written so far in code-point order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The key is out of order, or the object is complete or disposed.</exception>
    /// <exception cref="CanonicalJsonException">The key has a lone surrogate.</exception>
    public void WriteNull(string name)
    {
        WriteName(name);
        Append("null"u8);
    }

    /// <summary>Writes a boolean member.</summary>
    /// <param name="name">The key, after every key written so far in code-point order.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The key is out of order, or the object is complete or disposed.</exception>
    /// <exception cref="CanonicalJsonException">The key has a lone surrogate.</exception>
    public void WriteBoolean(string name, bool value)
    {
        WriteName(name);
        Append(value ? "true"u8 : "false"u8);
    }

    /// <summary>Writes an integer member.</summary>
    /// <param name="name">The key, after every key written so far in code-point order.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The key is out of order, or the object is complete or disposed.</exception>
    /// <exception cref="CanonicalJsonException">The key has a lone surrogate, or the profile allows only safe integers and <paramref name="value"/> is beyond ±(2^53 − 1).</exception>
    public void WriteInteger(string name, long value)
    {
        WriteName(name);
        if (_options.SafeIntegersOnly && (value > CanonicalJsonOptions.MaxSafeInteger || value < -CanonicalJsonOptions.MaxSafeInteger))
        {
            string path = "$" + JsonPathText.Member(name);
            throw new CanonicalJsonException(
                $"Canonical JSON ({_options.Name}) at {path}: the integer {value.ToString(CultureInfo.InvariantCulture)} is outside the safe range ±(2^53−1) (send large integers as strings).",
                path,
                isNumberPolicyViolation: true);
        }

        Utf8Formatter.TryFormat(value, Reserve(20), out int written);
        _length += written;
    }

    /// <summary>Writes an array-of-strings member (a null item is written as JSON <c>null</c>).</summary>
    /// <param name="name">The key, after every key written so far in code-point order.</param>
    /// <param name="values">The items, in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The key is out of order, or the object is complete or disposed.</exception>
    /// <exception cref="CanonicalJsonException">The key or an item has a lone surrogate.</exception>
    public void WriteStringArray(string name, ReadOnlySpan<string?> values)
    {
        WriteName(name);
        Append((byte)'[');
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                Append((byte)',');
            }

            if (values[i] is { } item)
            {
                WriteQuoted(item, name, i);
            }
            else
            {
                Append("null"u8);
            }
        }

        Append((byte)']');
    }

    /// <summary>Closes the object (once; later calls return the same bytes) and returns them.</summary>
    /// <returns>The canonical bytes, valid until the writer is disposed.</returns>
    /// <exception cref="ObjectDisposedException">The writer is disposed.</exception>
    public ReadOnlySpan<byte> Complete()
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        if (!_completed)
        {
            Append((byte)'}');
            _completed = true;
        }

        return _buffer.AsSpan(0, _length);
    }

    /// <summary>Closes the object and copies its bytes.</summary>
    /// <returns>The canonical bytes.</returns>
    /// <exception cref="ObjectDisposedException">The writer is disposed.</exception>
    public byte[] ToArray() => Complete().ToArray();

    /// <summary>Returns the buffer to the pool; the writer is unusable afterwards.</summary>
    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void WriteName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        if (_completed)
        {
            throw new InvalidOperationException("The canonical JSON object is already complete; no member can follow.");
        }

        if (_lastName is not null)
        {
            if (CodePointOrder.Compare(_lastName, name) >= 0)
            {
                throw new InvalidOperationException($"Canonical JSON keys must be written in code-point order without repeats: '{name}' cannot follow '{_lastName}'.");
            }

            Append((byte)',');
        }

        _lastName = name;
        WriteQuoted(name, name, itemIndex: -2);
        Append((byte)':');
    }

    /// <summary>Writes a quoted, escaped string; <paramref name="itemIndex"/> −2 is the key itself, −1 the member's value, ≥ 0 an array item (for the error path).</summary>
    private void WriteQuoted(string text, string member, int itemIndex)
    {
        Append((byte)'"');
        ReadOnlySpan<char> rest = text;
        while (true)
        {
            // Room for the rest if it is plain ASCII (not 6× its length), at most 64 KB a chunk, always
            // enough for one escaped surrogate pair; the escape stops where the room ends and goes on.
            int room = Math.Min(rest.Length, 64 * 1024) + (2 * CanonicalJsonEscaper.MaxBytesPerChar);
            OperationStatus status = CanonicalJsonEscaper.Escape(rest, Reserve(room), out int consumed, out int written);
            _length += written;
            if (status == OperationStatus.Done)
            {
                break;
            }

            if (status == OperationStatus.InvalidData)
            {
                string path = itemIndex == -2 ? "$" : itemIndex == -1 ? "$" + JsonPathText.Member(member) : $"${JsonPathText.Member(member)}[{itemIndex}]";
                string what = itemIndex == -2 ? $"the key: {CanonicalJsonEscaper.LoneSurrogateProblem(text, text.Length - rest.Length + consumed)}" : CanonicalJsonEscaper.LoneSurrogateProblem(text, text.Length - rest.Length + consumed);
                throw new CanonicalJsonException($"Canonical JSON ({_options.Name}) at {path}: {what}.", path);
            }

            rest = rest[consumed..];
        }

        Append((byte)'"');
    }

    private void Append(byte value)
    {
        Reserve(1)[0] = value;
        _length++;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _length += bytes.Length;
    }

    private Span<byte> Reserve(int count)
    {
        byte[] buffer = _buffer!;
        if (buffer.Length - _length < count)
        {
            long needed = (long)_length + count;
            int size = (int)Math.Min(Array.MaxLength, Math.Max(needed, (long)buffer.Length * 2));
            if (size < needed)
            {
                throw new InvalidOperationException("The canonical JSON object would exceed the largest possible array.");
            }

            byte[] larger = ArrayPool<byte>.Shared.Rent(size);
            buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            _buffer = buffer = larger;
        }

        return buffer.AsSpan(_length);
    }
}
