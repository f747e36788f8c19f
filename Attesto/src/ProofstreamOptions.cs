
namespace Attesto;

/// <summary>
/// The Proofstream-specific settings of <see cref="AttestoV2Client"/>, set through
/// <see cref="AttestoClientOptions.Proofstream"/>: the key receipts are verified with, the head
/// store that makes the SDK a witness, and the paging default.
/// </summary>
/// <remarks>
/// Constructing a client neither reads environment variables nor touches the file system: an
/// explicit <see cref="ReceiptPublicKeyHex"/> is checked at construction, while the
/// <see cref="ReceiptKeyEnvironmentVariable"/> fallback and the default <see cref="FileHeadStore"/>
/// are resolved once, thread-safely, on the first call that needs them (a write, or a receipt read).
/// A missing key or home directory then fails that call with <see cref="AttestoValidationException"/>
/// before anything is sent.
/// </remarks>
public sealed class ProofstreamOptions
{
    /// <summary>The environment variable read when <see cref="ReceiptPublicKeyHex"/> is not set.</summary>
    public const string ReceiptKeyEnvironmentVariable = "ATTESTO_RECEIPT_SIGNER_PUBLIC_KEY_HEX";

    /// <summary>
    /// The receipt signer's Ed25519 public key, 64 hex digits. Every receipt the client receives
    /// is verified offline with it. Null reads <see cref="ReceiptKeyEnvironmentVariable"/> on first
    /// use; without a key every call that must verify a receipt fails before sending.
    /// </summary>
    public string? ReceiptPublicKeyHex { get; set; }

    /// <summary>
    /// Where witnessed stream heads are kept. Default null: the default <see cref="FileHeadStore"/>
    /// at <c>~/.attesto/heads.json</c>, resolved lazily on the first write (the client constructor
    /// touches no file). Ignored when <see cref="ForkDetection"/> is false.
    /// </summary>
    public IHeadStore? HeadStore { get; set; }

    /// <summary>
    /// Whether every receipt is checked against the witnessed head (<see cref="HeadStore"/>), so a
    /// rewind or divergent history raises <see cref="AttestoForkDetectedException"/>. Default true;
    /// false disables fork detection (receipts are still verified).
    /// </summary>
    public bool ForkDetection { get; set; } = true;

    /// <summary>Whether receipts marked as mock evidence are accepted (tests against <c>MockAttesto</c> only). Default false.</summary>
    public bool AllowMockReceipts { get; set; }

    /// <summary>Whether payload and metadata are checked against the number policy before sending. Default true.</summary>
    public bool Preflight { get; set; } = true;

    /// <summary>The page size of the <c>GetAll…Async</c> methods and the default limit of <c>List…Async</c> (1–1000). Default 100.</summary>
    public int PageSize { get; set; } = 100;
}
