namespace Attesto;

/// <summary>
/// The outcome of <see cref="Anchors.VerifyOnChainAsync"/>: <see cref="VerificationReport.Ok"/> and
/// <see cref="VerificationReport.Problems"/> (e.g. <c>on-chain root mismatch</c>, <c>transaction reverted</c>),
/// plus what the chain said.
/// </summary>
public sealed class AnchorVerificationReport : VerificationReport
{
    internal AnchorVerificationReport(IReadOnlyList<string> problems, string? onChainRoot, string? transactionBlock)
        : base(problems)
    {
        OnChainRoot = onChainRoot;
        TransactionBlock = transactionBlock;
    }

    /// <summary>The first 32-byte word the contract returned (lowercase hex, no 0x), or null when the call returned less.</summary>
    public string? OnChainRoot { get; }

    /// <summary>The block number of the anchoring transaction as the node reported it, or null.</summary>
    public string? TransactionBlock { get; }
}
