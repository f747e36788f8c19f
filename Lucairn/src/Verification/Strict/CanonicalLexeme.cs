using System.Buffers;

namespace Lucairn;

/// <summary>
/// The chain recipe's canonical JSON over <see cref="StrictJsonNode"/> trees: keys sorted by code
/// point (UTF-8 byte order), no spaces, ASCII only with lowercase <c>\uxxxx</c> escapes (every
/// character outside U+0020–U+007E except the short escapes), <c>&lt;&gt;&amp;</c> literal, and
/// number lexemes written exactly as read — Python's <c>json.dumps(sort_keys=True,
/// separators=(",", ":"), ensure_ascii=True)</c>. Iterative (explicit stack), so depth never
/// touches the call stack.
/// </summary>
internal static class CanonicalLexeme
{
    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>The largest scratch buffer kept per thread between calls; a larger one is dropped after use.</summary>
    private const int MaxKeptScratch = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_scratch;

    internal static byte[] Write(StrictJsonNode root) => WriteTo(root, new ArrayBufferWriter<byte>(256)).WrittenSpan.ToArray();

    /// <summary>
    /// The canonical bytes of <paramref name="root"/> in this thread's scratch buffer: valid only
    /// until the next <see cref="WriteScratch"/> or <see cref="Matches"/> on the same thread.
    /// </summary>
    internal static ReadOnlySpan<byte> WriteScratch(StrictJsonNode root) => WriteTo(root, Scratch()).WrittenSpan;

    /// <summary>Whether the canonical bytes of <paramref name="root"/> equal <paramref name="expected"/> (written into the thread's scratch buffer, not copied out).</summary>
    internal static bool Matches(StrictJsonNode root, ReadOnlySpan<byte> expected) => WriteTo(root, Scratch()).WrittenSpan.SequenceEqual(expected);

    /// <summary>This thread's empty scratch writer; one that grew past <see cref="MaxKeptScratch"/> is replaced so a large document does not pin its buffer.</summary>
    private static ArrayBufferWriter<byte> Scratch()
    {
        ArrayBufferWriter<byte>? scratch = t_scratch;
        if (scratch is null || scratch.Capacity > MaxKeptScratch)
        {
            t_scratch = scratch = new ArrayBufferWriter<byte>(1024);
        }
        else
        {
            scratch.ResetWrittenCount();
        }

        return scratch;
    }

    private static ArrayBufferWriter<byte> WriteTo(StrictJsonNode root, ArrayBufferWriter<byte> output)
    {
        var stack = new Stack<(StrictJsonNode Node, int Next, List<KeyValuePair<string, StrictJsonNode>>? Sorted)>();
        WriteOpen(root, output, stack);
        while (stack.Count > 0)
        {
            (StrictJsonNode node, int next, List<KeyValuePair<string, StrictJsonNode>>? sorted) = stack.Pop();
            int count = sorted?.Count ?? node.Items!.Count;
            if (next == count)
            {
                Append(output, node.IsObject ? (byte)'}' : (byte)']');
                continue;
            }

            if (next > 0)
            {
                Append(output, (byte)',');
            }

            stack.Push((node, next + 1, sorted));
            StrictJsonNode child;
            if (sorted is not null)
            {
                WriteString(output, sorted[next].Key);
                Append(output, (byte)':');
                child = sorted[next].Value;
            }
            else
            {
                child = node.Items![next];
            }

            WriteOpen(child, output, stack);
        }

        return output;
    }

    private static void WriteOpen(StrictJsonNode node, ArrayBufferWriter<byte> output, Stack<(StrictJsonNode, int, List<KeyValuePair<string, StrictJsonNode>>?)> stack)
    {
        switch (node.Kind)
        {
            case StrictJsonKind.Object:
                Append(output, (byte)'{');
                // The tree is never changed: an unsorted object is written from a sorted copy.
                List<KeyValuePair<string, StrictJsonNode>> sorted = node.Members!;
                if (!IsSorted(sorted))
                {
                    sorted = [.. sorted];
                    sorted.Sort(static (a, b) => CodePoints.Compare(a.Key, b.Key));
                }

                stack.Push((node, 0, sorted));
                break;
            case StrictJsonKind.Array:
                Append(output, (byte)'[');
                stack.Push((node, 0, null));
                break;
            case StrictJsonKind.String:
                WriteString(output, node.Text!);
                break;
            case StrictJsonKind.Number:
                WriteAscii(output, node.Text!);
                break;
            case StrictJsonKind.True:
                output.Write("true"u8);
                break;
            case StrictJsonKind.False:
                output.Write("false"u8);
                break;
            default:
                output.Write("null"u8);
                break;
        }
    }

    /// <summary>Members read from canonical bytes are already in code-point order; sorting is then skipped.</summary>
    private static bool IsSorted(List<KeyValuePair<string, StrictJsonNode>> members)
    {
        for (int i = 1; i < members.Count; i++)
        {
            if (CodePoints.Compare(members[i - 1].Key, members[i].Key) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The bytes a string takes once written: quotes, two-byte escapes, <c>\uXXXX</c> for the rest outside printable ASCII.</summary>
    private static int EscapedLength(string text)
    {
        int length = 2;
        foreach (char c in text)
        {
            length += c switch
            {
                '"' or '\\' or '\n' or '\r' or '\t' or '\b' or '\f' => 2,
                >= ' ' and <= '~' => 1,
                _ => 6,
            };
        }

        return length;
    }

    private static void WriteString(ArrayBufferWriter<byte> output, string text)
    {
        Span<byte> span = output.GetSpan(EscapedLength(text));
        int n = 0;
        span[n++] = (byte)'"';
        foreach (char c in text)
        {
            switch (c)
            {
                case '"':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'"';
                    break;
                case '\\':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'\\';
                    break;
                case '\n':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'n';
                    break;
                case '\r':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'r';
                    break;
                case '\t':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'t';
                    break;
                case '\b':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'b';
                    break;
                case '\f':
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'f';
                    break;
                case >= ' ' and <= '~':
                    span[n++] = (byte)c;
                    break;
                default:
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'u';
                    span[n++] = HexDigits[(c >> 12) & 0xF];
                    span[n++] = HexDigits[(c >> 8) & 0xF];
                    span[n++] = HexDigits[(c >> 4) & 0xF];
                    span[n++] = HexDigits[c & 0xF];
                    break;
            }
        }

        span[n++] = (byte)'"';
        output.Advance(n);
    }

    private static void WriteAscii(ArrayBufferWriter<byte> output, string ascii)
    {
        Span<byte> span = output.GetSpan(ascii.Length);
        for (int i = 0; i < ascii.Length; i++)
        {
            span[i] = (byte)ascii[i];
        }

        output.Advance(ascii.Length);
    }

    private static void Append(ArrayBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
