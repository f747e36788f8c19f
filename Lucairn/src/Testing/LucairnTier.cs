namespace Lucairn.Testing;

/// <summary>The gateway tiers the emulator models.</summary>
public enum LucairnTier
{
    /// <summary>Developer (free): no raw certificates (403 <c>tier_insufficient</c>); summaries work.</summary>
    Developer,

    /// <summary>Pro: certificates and summaries.</summary>
    Pro,

    /// <summary>Enterprise: certificates and summaries.</summary>
    Enterprise,
}
