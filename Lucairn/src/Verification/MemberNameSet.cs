namespace Lucairn;

/// <summary>
/// The member names seen in one JSON object, for duplicate detection. Certificate objects are
/// small and their names interned, so a list with a reference-then-ordinal scan beats hashing;
/// past <see cref="ListLimit"/> names it switches to a hash set so a hostile object with very
/// many members stays linear.
/// </summary>
internal sealed class MemberNameSet
{
    private const int ListLimit = 16;

    private readonly List<string> _names = new(ListLimit);
    private HashSet<string>? _large;

    internal void Clear()
    {
        _names.Clear();
        _large?.Clear();
    }

    /// <summary>Adds a name; false when it was already present.</summary>
    internal bool Add(string name)
    {
        if (_names.Count < ListLimit)
        {
            foreach (string existing in _names)
            {
                if (ReferenceEquals(existing, name) || string.Equals(existing, name, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            _names.Add(name);
            return true;
        }

        if (_large is null || _large.Count == 0)
        {
            _large ??= new HashSet<string>(StringComparer.Ordinal);
            _large.UnionWith(_names);
        }

        return _large.Add(name);
    }
}
