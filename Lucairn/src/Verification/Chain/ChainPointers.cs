using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>
/// The <c>values</c> of a verified claim: every string, boolean and integer-token leaf of the
/// signed document by RFC 6901 JSON Pointer (<c>~</c> → <c>~0</c>, <c>/</c> → <c>~1</c>), and the
/// byte count of those pointers, computed first so a document built to blow up is never
/// flattened. Both walks are iterative.
/// </summary>
internal static class ChainPointers
{
    /// <summary>The UTF-8 bytes of the pointers <see cref="Flatten"/> would write; stops once past <paramref name="budget"/>.</summary>
    internal static long CountBytes(StrictJsonNode root, long budget)
    {
        long total = 0;
        var pending = new Stack<(StrictJsonNode Node, long PointerBytes)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            (StrictJsonNode node, long pointerBytes) = pending.Pop();
            switch (node.Kind)
            {
                case StrictJsonKind.Object:
                    foreach (KeyValuePair<string, StrictJsonNode> member in node.Members!)
                    {
                        pending.Push((member.Value, pointerBytes + 1 + System.Text.Encoding.UTF8.GetByteCount(Escape(member.Key))));
                    }

                    break;
                case StrictJsonKind.Array:
                    for (int i = 0; i < node.Items!.Count; i++)
                    {
                        pending.Push((node.Items[i], pointerBytes + 1 + Digits(i)));
                    }

                    break;
                case StrictJsonKind.Number:
                    if (ChainValues.TryUnsignedToken(node.Text, ulong.MaxValue, out _))
                    {
                        total += pointerBytes;
                    }

                    break;
                case StrictJsonKind.Null:
                    break;
                default:
                    total += pointerBytes;
                    break;
            }

            if (total > budget)
            {
                return total;
            }
        }

        return total;
    }

    /// <summary>Pointer → value for every string, boolean and integer-token leaf.</summary>
    internal static IReadOnlyDictionary<string, JValue> Flatten(StrictJsonNode root)
    {
        var values = new SortedDictionary<string, JValue>(StringComparer.Ordinal);
        var pending = new Stack<(StrictJsonNode Node, string Pointer)>();
        pending.Push((root, string.Empty));
        while (pending.Count > 0)
        {
            (StrictJsonNode node, string pointer) = pending.Pop();
            switch (node.Kind)
            {
                case StrictJsonKind.Object:
                    foreach (KeyValuePair<string, StrictJsonNode> member in node.Members!)
                    {
                        pending.Push((member.Value, pointer + "/" + Escape(member.Key)));
                    }

                    break;
                case StrictJsonKind.Array:
                    for (int i = 0; i < node.Items!.Count; i++)
                    {
                        pending.Push((node.Items[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture)));
                    }

                    break;
                case StrictJsonKind.String:
                    values[pointer] = new JValue(node.Text);
                    break;
                case StrictJsonKind.True:
                case StrictJsonKind.False:
                    values[pointer] = new JValue(node.Kind == StrictJsonKind.True);
                    break;
                case StrictJsonKind.Number:
                    if (ChainValues.TryUnsignedToken(node.Text, ulong.MaxValue, out ulong integer))
                    {
                        values[pointer] = new JValue(integer);
                    }

                    break;
            }
        }

        return values;
    }

    private static string Escape(string key) => key.Contains('~', StringComparison.Ordinal) || key.Contains('/', StringComparison.Ordinal)
        ? key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
        : key;

    private static int Digits(int index) => index < 10 ? 1 : (int)Math.Floor(Math.Log10(index)) + 1;
}
