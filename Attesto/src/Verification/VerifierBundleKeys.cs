namespace Attesto;

/// <summary>
/// The keys a verifier bundle is checked against. They come from you, not from the bundle: a
/// bundle that brought its own keys would prove nothing.
/// </summary>
public sealed record VerifierBundleKeys
{
    /// <summary>Creates the key set.</summary>
    /// <param name="receiptPublicKeyHex">The receipt signer's Ed25519 public key (64 hex digits).</param>
    /// <param name="witnessPublicKeys">Trusted witness keys by witness id (64 hex digits each).</param>
    public VerifierBundleKeys(string receiptPublicKeyHex, IReadOnlyDictionary<string, string> witnessPublicKeys)
    {
        ReceiptPublicKeyHex = receiptPublicKeyHex;
        WitnessPublicKeys = witnessPublicKeys;
    }

    /// <summary>The receipt signer's Ed25519 public key (64 hex digits).</summary>
    public string ReceiptPublicKeyHex { get; }

    /// <summary>Trusted witness keys by witness id.</summary>
    public IReadOnlyDictionary<string, string> WitnessPublicKeys { get; }

    /// <summary>The least number of distinct trusted witness keys that must sign each checkpoint; the bundle's own policy can only raise it. Default 1. Witnesses are counted by public key, not by id: two ids (or two spellings of one id) with the same key count once.</summary>
    public int MinimumQuorum { get; init; } = 1;

    /// <summary>The bundle hash you expect (e.g. from <c>BuildVerifierBundleAsync</c>); null checks only the hash inside the bundle, if any.</summary>
    public string? ExpectedBundleHash { get; init; }

    /// <summary>
    /// The anchoring contract you trust (0x followed by 40 hex digits, any case). When set, every
    /// anchor a checkpoint relies on must name it as <c>contract_address</c>, or the
    /// <c>anchor_reference</c> check fails. Null trusts whatever contract the bundle names, which a
    /// hostile service can choose itself (the bundle check never contacts the chain; see
    /// <see cref="Anchors.VerifyOnChainAsync"/>).
    /// </summary>
    public string? ExpectedContractAddress { get; init; }

    /// <summary>The chain id you expect (e.g. 1); when set, every anchor a checkpoint relies on must state it as <c>chain_id</c>.</summary>
    public long? ExpectedChainId { get; init; }

    /// <summary>Whether mock evidence (from <c>MockAttesto</c>) may pass. Default false.</summary>
    public bool AllowMock { get; init; }
}
