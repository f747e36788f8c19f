using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>
/// The witness's verification summary on a certificate (<c>verification</c>). Only
/// <see cref="OverallVerdict"/> is signed on v2 certificates; v3 also signs <see cref="ByokExempt"/>.
/// </summary>
public sealed class VeilVerificationResult
{
    [JsonConstructor]
    internal VeilVerificationResult()
    {
    }

    /// <summary>Whether the per-service signatures were valid (<c>signatures_valid</c>).</summary>
    [JsonProperty("signatures_valid")]
    public bool SignaturesValid { get; init; }

    /// <summary>Whether every expected service contributed (<c>completeness</c>).</summary>
    [JsonProperty("completeness")]
    public VeilCompleteness Completeness { get; init; }

    /// <summary>Services that did not contribute (<c>missing_services</c>).</summary>
    [JsonProperty("missing_services")]
    public IReadOnlyList<string> MissingServices { get; init; } = [];

    /// <summary>Whether the claim timestamps are consistent (<c>temporal_consistent</c>).</summary>
    [JsonProperty("temporal_consistent")]
    public bool TemporalConsistent { get; init; }

    /// <summary>Whether the data-visibility statements are consistent (<c>data_visibility_consistent</c>).</summary>
    [JsonProperty("data_visibility_consistent")]
    public bool DataVisibilityConsistent { get; init; }

    /// <summary>Whether the isolation probe passed (<c>isolation_verified</c>).</summary>
    [JsonProperty("isolation_verified")]
    public bool IsolationVerified { get; init; }

    [JsonProperty("qi_score")]
    internal JToken? QiScoreJson { get; init; }

    /// <summary>The quasi-identifier score (<c>qi_score</c>), any JSON value or null; a copy, so changing it leaves this model unchanged.</summary>
    /// <returns>A copy of the JSON, or null when it is absent.</returns>
    public JToken? GetQiScore() => QiScoreJson?.DeepClone();

    /// <summary>The witness's overall verdict (<c>overall_verdict</c>); signed.</summary>
    [JsonProperty("overall_verdict")]
    public VeilVerdict OverallVerdict { get; init; }

    /// <summary>
    /// Whether the customer brought their own upstream key, so the isolation probe was skipped
    /// (<c>byok_exempt</c>; false when absent). Signed only on v3 certificates.
    /// </summary>
    [JsonProperty("byok_exempt")]
    public bool ByokExempt { get; init; }

    /// <summary>
    /// The witness's unsigned certificate tier label (<c>cert_tier</c>: <c>full_chain</c>,
    /// <c>input_shield</c>, <c>input_shield_two_signer</c>, <c>audit_only</c>, empty, or any other
    /// text), or null when absent. <b>Not signed</b>: <see cref="CertificateVerifier"/> never reads it;
    /// <see cref="CertificateChainVerifier"/> checks it against the signed tier copies in the claims.
    /// </summary>
    [JsonProperty("cert_tier")]
    public string? CertTier { get; init; }
}
