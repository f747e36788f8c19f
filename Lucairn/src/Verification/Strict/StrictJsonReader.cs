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

    /// <summary>Parses one strict document; null (with <paramref name="problem"/>) when the bytes break a rule.</summary>
    internal static StrictJsonNode? TryParse(ReadOnlySpan<byte> utf8, out string? problem) => TryParse(utf8, MaxDepth, out problem);

    /// <summary>Parses one strict document with another depth bound (test harnesses reading a wrapper around a certificate).</summary>
    internal static StrictJsonNode? TryParse(ReadOnlySpan<byte> utf8, int maxDepth, out string? problem)
    {
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
            return Build(utf8, maxDepth, out problem);
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

    private static StrictJsonNode? Build(ReadOnlySpan<byte> utf8, int maxDepth, out string? problem)
    {
        problem = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            MaxDepth = maxDepth,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        var stack = new Stack<Frame>();
        StrictJsonNode? root = null;
        string? pendingKey = null;
        while (reader.Read())
        {
            StrictJsonNode node;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingKey = reader.GetString()!;
                    if (!stack.Peek().AddKey(pendingKey))
                    {
                        problem = "an object has the key '" + Shorten(pendingKey) + "' twice.";
                        return null;
                    }

                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    node = stack.Pop().Node;
                    if (stack.Count == 0)
                    {
                        root = node;
                    }

                    continue;
                case JsonTokenType.StartObject:
                    node = StrictJsonNode.NewObject();
                    break;
                case JsonTokenType.StartArray:
                    node = StrictJsonNode.NewArray();
                    break;
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

            if (stack.Count == 0)
            {
                root = node;
            }
            else
            {
                Frame parent = stack.Peek();
                if (parent.Node.Members is { } members)
                {
                    members.Add(new KeyValuePair<string, StrictJsonNode>(pendingKey!, node));
                }
                else
                {
                    parent.Node.Items!.Add(node);
                }
            }

            if (node.Kind is StrictJsonKind.Object or StrictJsonKind.Array)
            {
                stack.Push(new Frame(node));
            }
        }

        if (root is null)
        {
            problem = "the document is empty.";
        }

        return root;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    /// <summary>An open container and, for a large object, the set of its keys.</summary>
    private sealed class Frame(StrictJsonNode node)
    {
        private HashSet<string>? _keys;

        internal StrictJsonNode Node { get; } = node;

        internal bool AddKey(string key)
        {
            List<KeyValuePair<string, StrictJsonNode>> members = Node.Members!;
            if (_keys is null)
            {
                foreach (KeyValuePair<string, StrictJsonNode> member in members)
                {
                    if (string.Equals(member.Key, key, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                if (members.Count < LinearDuplicateScan)
                {
                    return true;
                }

                _keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (KeyValuePair<string, StrictJsonNode> member in members)
                {
                    _keys.Add(member.Key);
                }
            }

            return _keys.Add(key);
        }
    }
}
