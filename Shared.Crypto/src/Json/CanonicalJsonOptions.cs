namespace Shared.Crypto;

/// <summary>
/// The switches that separate the canonical JSON profiles. Both profiles sort keys by code
/// point (UTF-8 byte order), emit pure ASCII with lowercase <c>\uxxxx</c> escapes, and reject
/// every non-integer number; they differ in the integer range they accept.
/// </summary>
public sealed record CanonicalJsonOptions
{
    /// <summary>The largest integer magnitude the Attesto profile accepts: 2^53 − 1.</summary>
    public const long MaxSafeInteger = 9_007_199_254_740_991;

    /// <summary>
    /// The Lucairn witness profile (<c>specs/lucairn.md</c> §6): integers of any size, written
    /// exactly; duplicate keys rejected on parse.
    /// </summary>
    public static CanonicalJsonOptions Lucairn { get; } = new() { Name = "lucairn-witness" };

    /// <summary>
    /// The Attesto profile (ATTESTO-CANONICAL-JSON-001 with the FIX-11 number policy): integers
    /// only within ±(2^53 − 1); duplicate keys rejected on parse.
    /// </summary>
    public static CanonicalJsonOptions Attesto { get; } = new() { Name = "attesto", SafeIntegersOnly = true };

    /// <summary>A short name for messages.</summary>
    public string Name { get; init; } = "custom";

    /// <summary>Whether integers beyond ±(2^53 − 1) are rejected.</summary>
    public bool SafeIntegersOnly { get; init; }

    /// <summary>Whether <see cref="CanonicalJson.Parse(string, CanonicalJsonOptions)"/> rejects an object with a repeated key.</summary>
    public bool RejectDuplicateKeys { get; init; } = true;

    /// <summary>The deepest nesting of arrays and objects accepted when parsing and writing.</summary>
    public int MaxDepth { get; init; } = 128;
}
