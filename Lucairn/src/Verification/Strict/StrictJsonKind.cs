namespace Lucairn;

/// <summary>The kind of a <see cref="StrictJsonNode"/>.</summary>
internal enum StrictJsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}
