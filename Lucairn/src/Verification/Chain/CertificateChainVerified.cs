using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>What the signatures of a certificate cover, and nothing else (null on every FAILED result).</summary>
public sealed class CertificateChainVerified
{
    internal CertificateChainVerified(IReadOnlyList<KeyValuePair<string, JToken>> certificate, IReadOnlyDictionary<string, CertificateChainVerifiedClaim> claims)
    {
        Certificate = new CopyingJsonMap<JToken>(certificate.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));
        CertificateOrder = certificate;
        Claims = claims;
    }

    /// <summary>
    /// The witness signable map that verified, key for key: 7 keys under v2 (<c>certificate_id</c>,
    /// <c>claim_ids</c>, <c>issued_at</c> in normalized UTC form, <c>overall_verdict</c> without the
    /// <c>VERDICT_</c> prefix, <c>protocol_version</c>, <c>request_id</c>, <c>witness_key_id</c>), 13
    /// under v3 (also <c>api_key_id</c>, <c>byok_exempt</c>, <c>client_id</c> and the three sanitizer hashes).
    /// Every read hands out a copy of the value: changing it changes nothing here.
    /// </summary>
    public IReadOnlyDictionary<string, JToken> Certificate { get; }

    /// <summary>One entry per claim, keyed <c>"&lt;index&gt;:&lt;service_id&gt;:&lt;signed type&gt;"</c>.</summary>
    public IReadOnlyDictionary<string, CertificateChainVerifiedClaim> Claims { get; }

    internal IReadOnlyList<KeyValuePair<string, JToken>> CertificateOrder { get; }
}
