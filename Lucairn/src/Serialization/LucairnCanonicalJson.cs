using Shared.Crypto;

namespace Lucairn;

/// <summary>
/// The Lucairn witness profile of canonical JSON (<c>specs/lucairn.md</c> §6): keys sorted by code
/// point, pure ASCII output, integers of any size written exactly, duplicate keys rejected on parse.
/// Certificate signables are written with it.
/// </summary>
public static class LucairnCanonicalJson
{
    /// <summary>The profile's options for <see cref="CanonicalJson"/>.</summary>
    public static CanonicalJsonOptions Options { get; } = new() { Name = "lucairn-witness" };
}
