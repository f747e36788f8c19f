namespace Attesto.Verification;

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
}
