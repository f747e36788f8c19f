namespace Shared.Crypto;

/// <summary>
/// The switches of a canonical JSON profile. Every profile sorts keys by code point (UTF-8 byte
/// order), emits pure ASCII with lowercase <c>\uxxxx</c> escapes and rejects every non-integer
/// number; profiles differ in the integer range they accept, duplicate-key handling and depth.
/// The vendor packages define their own profiles (Lucairn's <c>LucairnCanonicalJson.Options</c>,
/// Attesto's <c>AttestoCanonicalJson.Options</c>); this package knows no vendor.
/// </summary>
public sealed record CanonicalJsonOptions
{
    /// <summary>The largest integer magnitude a <see cref="SafeIntegersOnly"/> profile accepts: 2^53 − 1.</summary>
    public const long MaxSafeInteger = 9_007_199_254_740_991;

    /// <summary>The default profile: integers of any size, written exactly; duplicate keys rejected; depth 128.</summary>
    public static CanonicalJsonOptions Default { get; } = new() { Name = "default" };

    /// <summary>A short name for messages.</summary>
    public string Name { get; init; } = "custom";

    /// <summary>Whether integers beyond ±(2^53 − 1) are rejected.</summary>
    public bool SafeIntegersOnly { get; init; }

    /// <summary>Whether <see cref="CanonicalJson.Parse(string, CanonicalJsonOptions)"/> rejects an object with a repeated key.</summary>
    public bool RejectDuplicateKeys { get; init; } = true;

    /// <summary>The deepest nesting of arrays and objects accepted when parsing and writing.</summary>
    public int MaxDepth { get; init; } = 128;
}
