using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>
/// A read-only map of verified JSON values that hands out a fresh copy of a value on every read,
/// so a caller who changes what it was given (a <see cref="JValue"/> is mutable) cannot change
/// what the verifier verified, what the next reader sees, or what <c>ToJson</c> prints.
/// </summary>
/// <typeparam name="T">The token type.</typeparam>
internal sealed class CopyingJsonMap<T> : IReadOnlyDictionary<string, T>
    where T : JToken
{
    private readonly IReadOnlyDictionary<string, T> _values;

    /// <summary>Wraps <paramref name="values"/>, which nobody else may change afterwards.</summary>
    /// <param name="values">The verified values.</param>
    internal CopyingJsonMap(IReadOnlyDictionary<string, T> values) => _values = values;

    /// <summary>The values themselves, not copied: for the package's own writers only.</summary>
    internal IReadOnlyDictionary<string, T> Verified => _values;

    /// <inheritdoc />
    public T this[string key] => Copy(_values[key]);

    /// <inheritdoc />
    public IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc />
    public IEnumerable<T> Values => _values.Values.Select(Copy);

    /// <inheritdoc />
    public int Count => _values.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value)
    {
        if (_values.TryGetValue(key, out T? stored))
        {
            value = Copy(stored);
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() =>
        _values.Select(pair => new KeyValuePair<string, T>(pair.Key, Copy(pair.Value))).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static T Copy(T value) => (T)value.DeepClone();
}
