namespace Attesto.Verification;

/// <summary>The outcome of <see cref="Anchors.VerifyOnChainAsync"/>.</summary>
public sealed class AnchorVerificationReport
{
    internal AnchorVerificationReport(IReadOnlyList<string> problems, string? onChainRoot, string? transactionBlock)
    {
        Problems = problems;
        OnChainRoot = onChainRoot;
        TransactionBlock = transactionBlock;
    }

    /// <summary>True only when no problem was found.</summary>
    public bool Ok => Problems.Count == 0;

    /// <summary>What failed, e.g. <c>on-chain root mismatch</c>, <c>transaction reverted</c>; empty when <see cref="Ok"/>.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The first 32-byte word the contract returned (lowercase hex, no 0x), or null when the call returned less.</summary>
    public string? OnChainRoot { get; }

    /// <summary>The block number of the anchoring transaction as the node reported it, or null.</summary>
    public string? TransactionBlock { get; }
}
