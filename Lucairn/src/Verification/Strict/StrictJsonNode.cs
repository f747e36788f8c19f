namespace Lucairn;

/// <summary>
/// One value of a document read by <see cref="StrictJsonReader"/>: objects keep their members in
/// document order (keys unique, compared after unescaping), strings are decoded, numbers keep
/// their exact lexeme. Immutable once the reader returns it.
/// </summary>
internal sealed class StrictJsonNode
{
    internal static readonly StrictJsonNode NullValue = new(StrictJsonKind.Null, text: null);
    internal static readonly StrictJsonNode TrueValue = new(StrictJsonKind.True, text: null);
    internal static readonly StrictJsonNode FalseValue = new(StrictJsonKind.False, text: null);

    private StrictJsonNode(StrictJsonKind kind, string? text)
    {
        Kind = kind;
        Text = text;
    }

    internal StrictJsonKind Kind { get; }

    /// <summary>The decoded string, or the number's lexeme; null for other kinds.</summary>
    internal string? Text { get; }

    /// <summary>The members of an object, in document order.</summary>
    internal List<KeyValuePair<string, StrictJsonNode>>? Members { get; private init; }

    /// <summary>The items of an array.</summary>
    internal List<StrictJsonNode>? Items { get; private init; }

    internal bool IsObject => Kind == StrictJsonKind.Object;

    internal bool IsArray => Kind == StrictJsonKind.Array;

    internal bool IsString => Kind == StrictJsonKind.String;

    internal bool IsBoolean => Kind is StrictJsonKind.True or StrictJsonKind.False;

    internal static StrictJsonNode NewObject() => new(StrictJsonKind.Object, text: null) { Members = [] };

    internal static StrictJsonNode NewArray() => new(StrictJsonKind.Array, text: null) { Items = [] };

    /// <summary>An object over <paramref name="members"/> (the reader's exact-size list, not copied).</summary>
    internal static StrictJsonNode Object(List<KeyValuePair<string, StrictJsonNode>> members) => new(StrictJsonKind.Object, text: null) { Members = members };

    /// <summary>An array over <paramref name="items"/> (the reader's exact-size list, not copied).</summary>
    internal static StrictJsonNode Array(List<StrictJsonNode> items) => new(StrictJsonKind.Array, text: null) { Items = items };

    internal static StrictJsonNode String(string value) => new(StrictJsonKind.String, value);

    internal static StrictJsonNode Number(string lexeme) => new(StrictJsonKind.Number, lexeme);

    internal static StrictJsonNode Boolean(bool value) => value ? TrueValue : FalseValue;

    /// <summary>Whether <paramref name="node"/> is absent or JSON null (the recipe treats both alike).</summary>
    internal static bool IsNullish(StrictJsonNode? node) => node is null || node.Kind == StrictJsonKind.Null;

    /// <summary>The member named <paramref name="key"/>, or null when there is none (or this is not an object).</summary>
    internal StrictJsonNode? Get(string key)
    {
        if (Members is null)
        {
            return null;
        }

        foreach (KeyValuePair<string, StrictJsonNode> member in Members)
        {
            if (string.Equals(member.Key, key, StringComparison.Ordinal))
            {
                return member.Value;
            }
        }

        return null;
    }

    /// <summary>Whether the object has the key (a member whose value is null counts).</summary>
    internal bool Has(string key) => Get(key) is not null;

    /// <summary>The string value of a member, or null when it is absent or not a string.</summary>
    internal string? GetString(string key) => Get(key) is { Kind: StrictJsonKind.String } node ? node.Text : null;
}
