using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.Serialization;

namespace Lucairn;

/// <summary>
/// The exact wire names of an enum, read once from its <see cref="EnumMemberAttribute"/>s.
/// Lookups are exact and case-sensitive: no numbers, no case folding, no comma-joined flags
/// (Newtonsoft's <c>StringEnumConverter</c> accepts all three).
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal static class WireEnum<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByName = Enum.GetValues<TEnum>()
        .ToFrozenDictionary(NameOf, StringComparer.Ordinal);

    private static readonly FrozenDictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>()
        .ToFrozenDictionary(v => v, NameOf);

    private static readonly (byte[] Utf8, TEnum Value)[] Utf8Names = Enum.GetValues<TEnum>()
        .Select(v => (System.Text.Encoding.UTF8.GetBytes(NameOf(v)), v))
        .ToArray();

    /// <summary>Looks up a wire name exactly, given as unescaped UTF-8 (no string is made).</summary>
    internal static bool TryParse(ReadOnlySpan<byte> utf8, out TEnum value)
    {
        foreach ((byte[] name, TEnum candidate) in Utf8Names)
        {
            if (utf8.SequenceEqual(name))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Looks up a wire name exactly.</summary>
    internal static bool TryParse(string? name, out TEnum value)
    {
        if (name is not null && ByName.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The wire name of a value.</summary>
    internal static string Name(TEnum value) =>
        ByValue.TryGetValue(value, out string? name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name} value.");

    /// <summary>The accepted names, for error messages.</summary>
    internal static string Names => string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal));

    private static string NameOf(TEnum value) =>
        typeof(TEnum).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static)!
            .GetCustomAttribute<EnumMemberAttribute>()!.Value!;
}
