using System.Buffers;
using System.Buffers.Text;
using System.Numerics;
using Newtonsoft.Json.Linq;

namespace Shared.Crypto;

/// <summary>
/// The hand-written canonical JSON encoder: walks a <see cref="JToken"/> tree and writes ASCII
/// bytes directly (Newtonsoft's own writer leaves U+007F raw and is slower). One instance per
/// call; not shared between threads.
/// </summary>
internal sealed class CanonicalJsonWriter
{
    private readonly CanonicalJsonOptions _options;
    private readonly JToken _root;
    private byte[] _buffer;
    private int _length;

    private CanonicalJsonWriter(JToken root, CanonicalJsonOptions options, int initialCapacity)
    {
        _root = root;
        _options = options;
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    internal static byte[] Write(JToken root, CanonicalJsonOptions options, int capacityHint)
    {
        var writer = new CanonicalJsonWriter(root, options, Math.Max(256, capacityHint));
        try
        {
            writer.WriteToken(root, depth: 0);
            return writer._buffer.AsSpan(0, writer._length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(writer._buffer);
        }
    }

    private void WriteToken(JToken token, int depth)
    {
        switch (token)
        {
            case JObject obj:
                WriteObject(obj, depth + 1);
                break;
            case JArray array:
                WriteArray(array, depth + 1);
                break;
            case JValue value:
                WriteValue(value);
                break;
            default:
                throw Error(token, $"a '{token.Type}' token cannot be written as canonical JSON");
        }
    }

    private void WriteObject(JObject obj, int depth)
    {
        CheckDepth(obj, depth);
        int count = obj.Count;
        if (count == 0)
        {
            Append("{}"u8);
            return;
        }

        JProperty[] properties = ArrayPool<JProperty>.Shared.Rent(count);
        try
        {
            int n = 0;
            bool sorted = true;
            foreach (JProperty property in obj.Properties())
            {
                if (n > 0 && sorted && CodePointOrder.Compare(properties[n - 1].Name, property.Name) > 0)
                {
                    sorted = false;
                }

                properties[n++] = property;
            }

            if (!sorted)
            {
                Array.Sort(properties, 0, n, CodePointOrder.PropertyComparer);
            }

            Append((byte)'{');
            for (int i = 0; i < n; i++)
            {
                if (i > 0)
                {
                    Append((byte)',');
                }

                JProperty property = properties[i];
                WriteString(property.Name, property);
                Append((byte)':');
                WriteToken(property.Value, depth);
            }

            Append((byte)'}');
        }
        finally
        {
            Array.Clear(properties, 0, count);
            ArrayPool<JProperty>.Shared.Return(properties);
        }
    }

    private void WriteArray(JArray array, int depth)
    {
        CheckDepth(array, depth);
        Append((byte)'[');
        bool first = true;
        foreach (JToken item in array)
        {
            if (!first)
            {
                Append((byte)',');
            }

            first = false;
            WriteToken(item, depth);
        }

        Append((byte)']');
    }

    private void WriteValue(JValue value)
    {
        switch (value.Type)
        {
            case JTokenType.Null:
                Append("null"u8);
                break;
            case JTokenType.Boolean:
                Append((bool)value.Value! ? "true"u8 : "false"u8);
                break;
            case JTokenType.String when value.Value is string text:
                WriteString(text, value);
                break;
            case JTokenType.String:
                // JValue.CreateString(null): Newtonsoft itself writes this as null.
                Append("null"u8);
                break;
            case JTokenType.Integer:
                WriteInteger(value);
                break;
            case JTokenType.Float:
                throw Error(value, $"the non-integer number {FormatForMessage(value)} is not allowed (canonical JSON carries integers only; send decimals as strings)", isNumberPolicyViolation: true);
            default:
                throw Error(value, $"a value of JSON type '{value.Type}' cannot be written as canonical JSON (only null, booleans, integers, strings, arrays and objects)");
        }
    }

    private void WriteInteger(JValue value)
    {
        switch (value.Value)
        {
            case long l:
                WriteInt64(l, value);
                break;
            case int i:
                WriteInt64(i, value);
                break;
            case short s:
                WriteInt64(s, value);
                break;
            case sbyte sb:
                WriteInt64(sb, value);
                break;
            case byte b:
                WriteInt64(b, value);
                break;
            case ushort us:
                WriteInt64(us, value);
                break;
            case uint ui:
                WriteInt64(ui, value);
                break;
            case ulong ul when ul <= long.MaxValue:
                WriteInt64((long)ul, value);
                break;
            case ulong ul:
                WriteBigInteger(new BigInteger(ul), value);
                break;
            case BigInteger big:
                WriteBigInteger(big, value);
                break;
            default:
                throw Error(value, $"the integer value of CLR type '{value.Value?.GetType().Name}' is not supported");
        }
    }

    private void WriteInt64(long number, JValue source)
    {
        if (_options.SafeIntegersOnly && (number > CanonicalJsonOptions.MaxSafeInteger || number < -CanonicalJsonOptions.MaxSafeInteger))
        {
            throw UnsafeInteger(source, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Span<byte> destination = Reserve(20);
        Utf8Formatter.TryFormat(number, destination, out int written);
        _length += written;
    }

    private void WriteBigInteger(BigInteger number, JValue source)
    {
        string text = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (_options.SafeIntegersOnly && BigInteger.Abs(number) > CanonicalJsonOptions.MaxSafeInteger)
        {
            throw UnsafeInteger(source, text);
        }

        Span<byte> destination = Reserve(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            destination[i] = (byte)text[i];
        }

        _length += text.Length;
    }

    private void WriteString(string text, JToken owner)
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
                throw Error(owner, CanonicalJsonEscaper.LoneSurrogateProblem(text, text.Length - rest.Length + consumed));
            }

            rest = rest[consumed..];
        }

        Append((byte)'"');
    }

    private void CheckDepth(JToken container, int depth)
    {
        if (depth > _options.MaxDepth)
        {
            throw Error(container, $"nesting is deeper than the limit of {_options.MaxDepth}");
        }
    }

    private void Append(byte b)
    {
        Reserve(1)[0] = b;
        _length++;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _length += bytes.Length;
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            Grow(count);
        }

        return _buffer.AsSpan(_length);
    }

    private void Grow(int count)
    {
        long needed = (long)_length + count;
        int size = (int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_buffer.Length * 2));
        if (size < needed)
        {
            throw Error(_root, "the canonical output would exceed the largest possible array");
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    private CanonicalJsonException UnsafeInteger(JValue source, string text) =>
        Error(source, $"the integer {text} is outside the safe range ±(2^53−1) (send large integers as strings)", isNumberPolicyViolation: true);

    private CanonicalJsonException Error(JToken token, string problem, bool isNumberPolicyViolation = false)
    {
        string path = JsonPathText.Of(_root, token);
        return new CanonicalJsonException($"Canonical JSON ({_options.Name}) at {path}: {problem}.", path, null, isNumberPolicyViolation);
    }

    private static string FormatForMessage(JValue value) =>
        Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
