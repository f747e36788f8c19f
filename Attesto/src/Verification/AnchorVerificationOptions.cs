namespace Attesto;

/// <summary>Settings for <see cref="Anchors.VerifyOnChainAsync"/>.</summary>
public sealed class AnchorVerificationOptions
{
    /// <summary>
    /// The contract function to call, e.g. <c>getCommitment(bytes32)</c>. Null chooses by the
    /// batch id: 0x-prefixed 32-byte hex → <c>getCommitment(bytes32)</c>, otherwise
    /// <c>getCommitment(uint256)</c>. The parameter type Attesto's contract uses is not public.
    /// </summary>
    public string? FunctionSignature { get; set; }

    /// <summary>The HTTP client for the JSON-RPC calls (caller-owned, never disposed); null uses a private one.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Whether anchors marked <c>"mock": true</c> may pass (tests against <c>MockAttesto</c> only).</summary>
    public bool AllowMock { get; set; }

    /// <summary>
    /// The anchoring contract you trust (0x followed by 40 hex digits, either case; compared as
    /// hex, so checksummed and lowercase spellings match). When set, the contract is called at
    /// this address, and an anchor or transaction naming another contract fails with
    /// <c>contract address mismatch</c>. Without it, the check trusts the contract address the
    /// evidence carries: a hostile service can deploy its own contract, store any root there and
    /// name it in the anchor, and the anchor still verifies.
    /// </summary>
    public string? ExpectedContractAddress { get; set; }

    /// <summary>
    /// The chain id you expect (e.g. 1 for Ethereum mainnet). When set, the node is asked for its
    /// chain id (<c>eth_chainId</c>) and the anchor's stated <c>chain_id</c>, if any, is compared:
    /// either differing fails with <c>chain id mismatch</c>. Without it, an anchor on a test
    /// network (or a private chain the service runs) verifies as well as one on the chain you meant.
    /// </summary>
    public long? ExpectedChainId { get; set; }
}
