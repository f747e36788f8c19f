namespace Attesto;

/// <summary>The outcome of <see cref="Receipts.Verify(Newtonsoft.Json.Linq.JToken, string, bool)"/>.</summary>
public sealed class ReceiptVerificationReport : VerificationReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="problems">What failed.</param>
    /// <param name="isMock">Whether the receipt is emulator evidence.</param>
    /// <param name="digestHex">The recomputed signing digest, when it could be computed.</param>
    public ReceiptVerificationReport(IReadOnlyList<string> problems, bool isMock, string? digestHex)
        : base(problems)
    {
        IsMock = isMock;
        DigestHex = digestHex;
    }

    /// <summary>Whether the receipt is emulator evidence (<c>"mock": true</c> or kid <c>attesto-mock-ed25519</c>).</summary>
    public bool IsMock { get; }

    /// <summary>The recomputed domain-separated digest the signature covers (hex), or null when the payload was unusable.</summary>
    public string? DigestHex { get; }
}
