using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>
/// One per-service claim on a <see cref="VeilCertificate"/>. Only <see cref="ClaimId"/> (in wire
/// order) is covered by the witness signature; the per-service <see cref="Signature"/> is not
/// checked by the SDK. The service-specific blocks are kept as opaque JSON.
/// </summary>
public sealed class VeilClaim
{
    [JsonConstructor]
    internal VeilClaim()
    {
    }

    /// <summary>The claim id (<c>claim_id</c>); signed.</summary>
    [JsonProperty("claim_id")]
    public string ClaimId { get; init; } = string.Empty;

    /// <summary>The request the claim belongs to (<c>request_id</c>).</summary>
    [JsonProperty("request_id")]
    public string RequestId { get; init; } = string.Empty;

    /// <summary>The issuing service (<c>service_id</c>), e.g. <c>dsa-sanitizer</c>.</summary>
    [JsonProperty("service_id")]
    public string ServiceId { get; init; } = string.Empty;

    /// <summary>What the claim attests (<c>claim_type</c>).</summary>
    [JsonProperty("claim_type")]
    public VeilClaimType ClaimType { get; init; }

    /// <summary>The data the service saw (<c>data_seen</c>).</summary>
    [JsonProperty("data_seen")]
    public IReadOnlyList<string> DataSeen { get; init; } = [];

    /// <summary>The data the service did not see (<c>data_not_seen</c>).</summary>
    [JsonProperty("data_not_seen")]
    public IReadOnlyList<string> DataNotSeen { get; init; } = [];

    /// <summary>Base64 of the service's canonical JSON payload (<c>canonical_payload</c>).</summary>
    [JsonProperty("canonical_payload")]
    public string CanonicalPayload { get; init; } = string.Empty;

    /// <summary>The service's RFC 3339 timestamp, as served (<c>timestamp</c>).</summary>
    [JsonProperty("timestamp")]
    public string Timestamp { get; init; } = string.Empty;

    /// <summary>The service's base64 Ed25519 signature over its payload (<c>signature</c>); not verified by the SDK.</summary>
    [JsonProperty("signature")]
    public string Signature { get; init; } = string.Empty;

    [JsonProperty("bridge")]
    internal JObject? BridgeJson { get; init; }

    /// <summary>The bridge block (<c>bridge</c>), opaque; a copy, so changing it leaves this model unchanged.</summary>
    /// <returns>A copy of the JSON, or null when it is absent.</returns>
    public JObject? GetBridge() => (JObject?)BridgeJson?.DeepClone();

    [JsonProperty("sanitizer")]
    internal JObject? SanitizerJson { get; init; }

    /// <summary>The sanitizer block (<c>sanitizer</c>), opaque; a copy, so changing it leaves this model unchanged.</summary>
    /// <returns>A copy of the JSON, or null when it is absent.</returns>
    public JObject? GetSanitizer() => (JObject?)SanitizerJson?.DeepClone();

    [JsonProperty("inference")]
    internal JObject? InferenceJson { get; init; }

    /// <summary>The inference block (<c>inference</c>), opaque; may carry <c>isolation_probe</c>; a copy, so changing it leaves this model unchanged.</summary>
    /// <returns>A copy of the JSON, or null when it is absent.</returns>
    public JObject? GetInference() => (JObject?)InferenceJson?.DeepClone();

    [JsonProperty("audit")]
    internal JObject? AuditJson { get; init; }

    /// <summary>The audit block (<c>audit</c>), opaque; a copy, so changing it leaves this model unchanged.</summary>
    /// <returns>A copy of the JSON, or null when it is absent.</returns>
    public JObject? GetAudit() => (JObject?)AuditJson?.DeepClone();
}
