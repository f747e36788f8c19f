
namespace Attesto;

/// <summary>
/// The Proofstream-specific settings of <see cref="AttestoV2Client"/>, set through
/// <see cref="AttestoClientOptions.Proofstream"/>: the key receipts are verified with, the head
/// store that makes the SDK a witness, and the paging default.
/// </summary>
public sealed class ProofstreamOptions
{
    /// <summary>The environment variable read when <see cref="ReceiptPublicKeyHex"/> is not set.</summary>
    public const string ReceiptKeyEnvironmentVariable = "ATTESTO_RECEIPT_SIGNER_PUBLIC_KEY_HEX";

    /// <summary>
    /// The receipt signer's Ed25519 public key, 64 hex digits. Every receipt the client receives
    /// is verified offline with it. Null reads <see cref="ReceiptKeyEnvironmentVariable"/>; the
    /// client refuses to start without a key.
    /// </summary>
    public string? ReceiptPublicKeyHex { get; set; }

    /// <summary>
    /// Where witnessed stream heads are kept. Default: a <see cref="FileHeadStore"/> at
    /// <c>~/.attesto/heads.json</c>. Set to null to disable fork detection.
    /// </summary>
    public IHeadStore? HeadStore { get; set; } = new FileHeadStore();

    /// <summary>Whether receipts marked as mock evidence are accepted (tests against <c>MockAttesto</c> only). Default false.</summary>
    public bool AllowMockReceipts { get; set; }

    /// <summary>Whether payload and metadata are checked against the number policy before sending. Default true.</summary>
    public bool Preflight { get; set; } = true;

    /// <summary>The page size of the <c>GetAll…Async</c> methods and the default limit of <c>List…Async</c> (1–1000). Default 100.</summary>
    public int PageSize { get; set; } = 100;
}
