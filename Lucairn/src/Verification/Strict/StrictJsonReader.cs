using System.Text.Json;

namespace Lucairn;

/// <summary>
/// The one strict document grammar of the certificate chain (lucairn-chain spec §5), on the same
/// tokenizer as <see cref="CertificateReader"/> (<see cref="Utf8JsonReader"/>: RFC 8259, no
/// comments, no trailing commas, no NaN/Infinity, exactly one value then JSON whitespace only).
/// On top: valid UTF-8 with no byte-order mark, nesting depth at most <see cref="MaxDepth"/>
/// (top level = 1), escaped surrogates only as a high escape directly followed by a low escape,
/// duplicate keys refused after unescaping, numbers kept as their lexeme. The tree is built with
/// an explicit stack, so no input can exhaust the call stack; the reader's own depth limit stops
/// a deep document before anything else happens.
/// </summary>
internal static class StrictJsonReader
{
    /// <summary>The deepest nesting accepted: every array and object is one level, the top level is 1.</summary>
    internal const int MaxDepth = 256;

    /// <summary>Objects with more members than this get a hash set for the duplicate check.</summary>
    private const int LinearDuplicateScan = 16;

    /// <summary>Scratch lists that grew beyond this many entries are not kept for the next parse on the thread.</summary>
    private const int MaxKeptScratch = 4096;

    /// <summary>This thread's scratch lists (members, items, open containers), reused by the next parse; null while a parse runs.</summary>
    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Parses one strict document; null (with <paramref name="problem"/>) when the bytes break a rule.</summary>
    internal static StrictJsonNode? TryParse(ReadOnlySpan<byte> utf8, out string? problem) => TryParse(utf8, MaxDepth, out problem, out _);

    /// <summary>
    /// Parses one strict document and reports whether any member name breaks the case-variant
    /// key rule (<see cref="CaseVariantKeys.IsVariant"/>), the same answer as
    /// <see cref="CaseVariantKeys.Any"/> on the returned tree, without walking it again.
    /// </summary>
    internal static StrictJsonNode? TryParse(ReadOnlySpan<byte> utf8, out string? problem, out bool caseVariantKey) =>
        TryParse(utf8, MaxDepth, out problem, out caseVariantKey);

    /// <summary>Parses one strict document with another depth bound (test harnesses reading a wrapper around a certificate).</summary>
    internal static StrictJsonNode? TryParse(ReadOnlySpan<byte> utf8, int maxDepth, out string? problem) => TryParse(utf8, maxDepth, out problem, out _);

    private static StrictJsonNode? TryParse(ReadOnlySpan<byte> utf8, int maxDepth, out string? problem, out bool caseVariantKey)
    {
        caseVariantKey = false;
        if (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
        {
            problem = "the document starts with a byte-order mark.";
            return null;
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            problem = "the document is not valid UTF-8.";
            return null;
        }

        try
        {
            return Build(utf8, maxDepth, out problem, ref caseVariantKey);
        }
        catch (JsonException ex)
        {
            problem = "the document is not well-formed JSON: " + ex.Message;
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader.GetString refuses an escaped lone or reversed surrogate.
            problem = "the document has an invalid string escape: " + ex.Message;
            return null;
        }
    }

    /// <summary>
    /// Builds the tree. Children are collected on two shared scratch lists (members, items) and
    /// each container gets a list of exactly its size when it closes, so no list grows by copying
    /// inside the tree; known member names come from <see cref="KnownKeys"/> without a new string.
    /// </summary>
    private static StrictJsonNode? Build(ReadOnlySpan<byte> utf8, int maxDepth, out string? problem, ref bool caseVariantKey)
    {
        problem = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            MaxDepth = maxDepth,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        Scratch scratch = t_scratch ?? new Scratch();
        t_scratch = null;
        try
        {
            return Build(ref reader, scratch, out problem, ref caseVariantKey);
        }
        finally
        {
            if (scratch.Clear())
            {
                t_scratch = scratch;
            }
        }
    }

    private static StrictJsonNode? Build(ref Utf8JsonReader reader, Scratch scratch, out string? problem, ref bool caseVariantKey)
    {
        problem = null;
        List<KeyValuePair<string, StrictJsonNode>> members = scratch.Members;
        List<StrictJsonNode> items = scratch.Items;
        Frame[] frames = scratch.Frames;
        int depth = 0;
        StrictJsonNode? root = null;
        string? pendingKey = null;
        while (reader.Read())
        {
            StrictJsonNode node;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    if (reader.ValueIsEscaped || !KnownKeys.TryGet(reader.ValueSpan, out pendingKey, out bool variant))
                    {
                        pendingKey = reader.GetString()!;
                        variant = CaseVariantKeys.IsVariant(pendingKey);
                    }

                    caseVariantKey |= variant;
                    if (!frames[depth - 1].AddKey(members, pendingKey))
                    {
                        problem = "an object has the key '" + Shorten(pendingKey) + "' twice.";
                        return null;
                    }

                    continue;
                case JsonTokenType.EndObject:
                    {
                        ref Frame frame = ref frames[--depth];
                        node = StrictJsonNode.Object(members.GetRange(frame.Start, members.Count - frame.Start));
                        members.RemoveRange(frame.Start, members.Count - frame.Start);
                        pendingKey = frame.Key;
                        frame = default;
                        break;
                    }

                case JsonTokenType.EndArray:
                    {
                        ref Frame frame = ref frames[--depth];
                        node = StrictJsonNode.Array(items.GetRange(frame.Start, items.Count - frame.Start));
                        items.RemoveRange(frame.Start, items.Count - frame.Start);
                        pendingKey = frame.Key;
                        frame = default;
                        break;
                    }

                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (depth == frames.Length)
                    {
                        Array.Resize(ref frames, depth * 2);
                        scratch.Frames = frames;
                    }

                    bool isObject = reader.TokenType == JsonTokenType.StartObject;
                    // Stryker disable once Linq : List<T>.Count is a property here; Stryker's Count -> Sum mutation
                    // does not compile and would send this whole method to its safe mode, untested.
                    frames[depth++] = new Frame(isObject, isObject ? members.Count : items.Count, pendingKey);
                    continue;
                case JsonTokenType.String:
                    node = StrictJsonNode.String(reader.GetString()!);
                    break;
                case JsonTokenType.Number:
                    node = StrictJsonNode.Number(System.Text.Encoding.ASCII.GetString(reader.ValueSpan));
                    break;
                case JsonTokenType.True:
                    node = StrictJsonNode.TrueValue;
                    break;
                case JsonTokenType.False:
                    node = StrictJsonNode.FalseValue;
                    break;
                case JsonTokenType.Null:
                    node = StrictJsonNode.NullValue;
                    break;
                default:
                    problem = "unexpected token " + reader.TokenType + ".";
                    return null;
            }

            if (depth == 0)
            {
                root = node;
            }
            else if (frames[depth - 1].IsObject)
            {
                members.Add(new KeyValuePair<string, StrictJsonNode>(pendingKey!, node));
            }
            else
            {
                items.Add(node);
            }
        }

        if (root is null)
        {
            problem = "the document is empty.";
        }

        return root;
    }

    /// <summary>The reusable lists of one parse.</summary>
    private sealed class Scratch
    {
        internal List<KeyValuePair<string, StrictJsonNode>> Members { get; } = new(32);

        internal List<StrictJsonNode> Items { get; } = new(16);

        internal Frame[] Frames { get; set; } = new Frame[8];

        /// <summary>Empties the lists (dropping every reference into the tree); false when they grew too large to keep.</summary>
        internal bool Clear()
        {
            Members.Clear();
            Items.Clear();
            System.Array.Clear(Frames);
            return Members.Capacity <= MaxKeptScratch && Items.Capacity <= MaxKeptScratch && Frames.Length <= 64;
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    /// <summary>An open container: where its children start on the scratch list, the key it sits under in its parent, and, for a large object, the set of its keys.</summary>
    private struct Frame(bool isObject, int start, string? key)
    {
        private HashSet<string>? _keys;

        internal readonly bool IsObject => isObject;

        internal readonly int Start => start;

        internal readonly string? Key => key;

        internal bool AddKey(List<KeyValuePair<string, StrictJsonNode>> members, string name)
        {
            if (_keys is null)
            {
                for (int i = start; i < members.Count; i++)
                {
                    if (string.Equals(members[i].Key, name, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                if (members.Count - start < LinearDuplicateScan)
                {
                    return true;
                }

                _keys = new HashSet<string>(StringComparer.Ordinal);
                for (int i = start; i < members.Count; i++)
                {
                    _keys.Add(members[i].Key);
                }
            }

            return _keys.Add(name);
        }
    }
}
