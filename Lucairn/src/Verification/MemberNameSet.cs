namespace Lucairn;

/// <summary>
/// The names outside the member table seen in one JSON object, for duplicate detection. Such
/// objects are small, so a list scan beats hashing; past <see cref="ListLimit"/> names it switches
/// to a hash set so a hostile object with very many members stays linear.
/// </summary>
internal sealed class MemberNameSet
{
    private const int ListLimit = 16;

    private readonly List<string> _names = new(ListLimit);
    private HashSet<string>? _large;

    /// <summary>Adds a name; false when it was already present.</summary>
    internal bool Add(string name)
    {
        if (_names.Count < ListLimit)
        {
            foreach (string existing in _names)
            {
                if (string.Equals(existing, name, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            _names.Add(name);
            return true;
        }

        _large ??= new HashSet<string>(_names, StringComparer.Ordinal);
        return _large.Add(name);
    }
}
