namespace Lucairn;

/// <summary>The chain verdicts (wire names), ranked FAILED &lt; PARTIAL &lt; EGRESS_UNATTESTED &lt; VERIFIED.</summary>
public static class ChainVerdicts
{
    /// <summary>A step of the recipe failed; nothing in the certificate is vouched for.</summary>
    public const string Failed = "FAILED";

    /// <summary>Every signature holds, but the chain is incomplete or the user sent unredacted data.</summary>
    public const string Partial = "PARTIAL";

    /// <summary>Every signature holds, but what left for the model provider is not attested by signed digests.</summary>
    public const string EgressUnattested = "EGRESS_UNATTESTED";

    /// <summary>Every signature holds and the chain is complete.</summary>
    public const string Verified = "VERIFIED";

    /// <summary>The rank of a verdict (FAILED = 0 … VERIFIED = 3); -1 for an unknown text.</summary>
    /// <param name="verdict">A verdict wire name.</param>
    /// <returns>The rank.</returns>
    public static int Rank(string? verdict) => verdict switch
    {
        Failed => 0,
        Partial => 1,
        EgressUnattested => 2,
        Verified => 3,
        _ => -1,
    };
}
