using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Lucairn;

/// <summary>
/// A Veil privacy certificate as served by <c>GET /api/v1/veil/certificate/{request_id}</c>
/// (protobuf-JSON, snake_case names; unknown members are ignored). Instances come from
/// <see cref="Parse(string)"/> or <see cref="FromJObject(JObject)"/>, which validate the shape the
/// way the upstream model does and keep the JSON exactly as received: signatures are checked
/// against bytes rebuilt from those raw values, never from these properties. Tests build one
/// with <see cref="LucairnModelFactory.VeilCertificate"/>.
/// </summary>
/// <remarks>
/// Parsing does not verify anything: use <see cref="CertificateVerifier"/> before relying on any
/// field. On a v2-verified certificate <see cref="ClientId"/>, <see cref="ApiKeyId"/> and
/// <see cref="VeilVerificationResult.ByokExempt"/> are not covered by the witness signature.
/// </remarks>
public sealed class VeilCertificate
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        MaxDepth = CertificateReader.MaxDepth,
    });

    private static readonly JsonSerializer ModelWriter = JsonSerializer.Create(new JsonSerializerSettings
    {
        DateParseHandling = DateParseHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
    });

    // The JSON the certificate was read from; private and never mutated, handed out only as copies.
    private JObject _raw = new();
    private CertificateFields? _fields;
    private long _signableProtocolVersionEmitted;

    [JsonConstructor]
    internal VeilCertificate()
    {
    }

    /// <summary>The certificate id (<c>certificate_id</c>); signed.</summary>
    [JsonProperty("certificate_id")]
    public string CertificateId { get; init; } = string.Empty;

    /// <summary>The request the certificate covers (<c>request_id</c>); signed.</summary>
    [JsonProperty("request_id")]
    public string RequestId { get; init; } = string.Empty;

    /// <summary>The certificate protocol version (<c>protocol_version</c>); 2 is the only supported value, also on v3-signed certificates.</summary>
    [JsonProperty("protocol_version")]
    public long ProtocolVersion { get; init; }

    /// <summary>The per-service claims (<c>claims</c>), in wire order (the order is signed).</summary>
    [JsonProperty("claims")]
    public IReadOnlyList<VeilClaim> Claims { get; init; } = [];

    /// <summary>The witness's verification summary (<c>verification</c>).</summary>
    [JsonProperty("verification")]
    public VeilVerificationResult Verification { get; init; } = null!;

    /// <summary>The witness-asserted issue time, exactly as served (<c>issued_at</c>, RFC 3339, up to nanoseconds).</summary>
    [JsonProperty("issued_at")]
    public string IssuedAt { get; init; } = string.Empty;

    [JsonProperty("formal_verification")]
    internal JObject? FormalVerificationJson { get; init; }

    /// <summary>The formal-verification block (<c>formal_verification</c>), opaque; a copy, so changing it leaves this model unchanged.</summary>
    /// <returns>A copy of the JSON, or null when it is absent.</returns>
    public JObject? GetFormalVerification() => (JObject?)FormalVerificationJson?.DeepClone();

    [JsonProperty("audit_integrity")]
    internal JObject? AuditIntegrityJson { get; init; }

    /// <summary>The audit-integrity block (<c>audit_integrity</c>), opaque; a copy, so changing it leaves this model unchanged.</summary>
    /// <returns>A copy of the JSON, or null when it is absent.</returns>
    public JObject? GetAuditIntegrity() => (JObject?)AuditIntegrityJson?.DeepClone();

    [JsonProperty("privacy_budget")]
    internal JObject? PrivacyBudgetJson { get; init; }

    /// <summary>The privacy-budget block (<c>privacy_budget</c>), opaque; a copy, so changing it leaves this model unchanged.</summary>
    /// <returns>A copy of the JSON, or null when it is absent.</returns>
    public JObject? GetPrivacyBudget() => (JObject?)PrivacyBudgetJson?.DeepClone();

    /// <summary>The witness's base64 Ed25519 signature over the v2 signable (<c>witness_signature</c>).</summary>
    [JsonProperty("witness_signature")]
    public string WitnessSignature { get; init; } = string.Empty;

    /// <summary>The id of the witness key that signed (<c>witness_key_id</c>), e.g. <c>witness_v1</c>; signed.</summary>
    [JsonProperty("witness_key_id")]
    public string WitnessKeyId { get; init; } = string.Empty;

    /// <summary>External attestations (<c>attestation</c>); not checked by the SDK.</summary>
    [JsonProperty("attestation")]
    public VeilExternalAttestation? Attestation { get; init; }

    /// <summary>The gateway's anchoring report (<c>anchor_status</c>); not signed.</summary>
    [JsonProperty("anchor_status")]
    public VeilAnchorStatusInfo? AnchorStatus { get; init; }

    /// <summary>The organisation correlation id (<c>client_id</c>), or null when absent; signed only on v3 certificates.</summary>
    [JsonProperty("client_id")]
    public string? ClientId { get; init; }

    /// <summary>The API-key correlation id (<c>api_key_id</c>), or null when absent; signed only on v3 certificates.</summary>
    [JsonProperty("api_key_id")]
    public string? ApiKeyId { get; init; }

    /// <summary>The v2 signature (<c>signable_v2_signature</c>); equals <see cref="WitnessSignature"/> on v3 certificates.</summary>
    [JsonProperty("signable_v2_signature")]
    public string? SignableV2Signature { get; init; }

    /// <summary>The base64 signature over the 13-key v3 signable (<c>signable_v3_signature</c>).</summary>
    [JsonProperty("signable_v3_signature")]
    public string? SignableV3Signature { get; init; }

    /// <summary>The highest signable version the witness emitted (<c>signable_protocol_version_emitted</c>); 0 when absent or null, 3 on v3 certificates.</summary>
    [JsonIgnore]
    public long SignableProtocolVersionEmitted { get => _signableProtocolVersionEmitted; init => _signableProtocolVersionEmitted = value; }

    /// <summary>
    /// The strict reading of the certificate's JSON, which verification works on. Set when the
    /// certificate is read; a certificate built by <see cref="LucairnModelFactory"/> is read from its
    /// own JSON on first use, so it is verified (or refused) by the same strict reader.
    /// </summary>
    internal CertificateFields Fields => _fields ??= CertificateReader.Read(_raw);

    /// <summary>Parses and shape-checks a certificate from JSON text.</summary>
    /// <param name="json">The certificate JSON.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="LucairnCertificateException">The text is not a well-formed certificate (reason <see cref="VerifyCertificateFailureReason.Malformed"/>).</exception>
    public static VeilCertificate Parse(string json)
    {
        CertificateFields fields = CertificateReader.Read(json);
        JObject raw;
        try
        {
            raw = (JObject)CanonicalJson.Parse(json, CertificateReader.ParseOptions);
        }
        catch (CanonicalJsonException ex)
        {
            throw CertificateFailure.Malformed($"the certificate is not acceptable JSON: {ex.Message}", fields.CertificateId, ex);
        }

        return Create(raw, fields);
    }

    /// <summary>
    /// Shape-checks a certificate held as a <see cref="JObject"/>. The object is copied, so later
    /// changes to it do not affect the certificate. Parse the JSON with
    /// <see cref="DateParseHandling.None"/> (for example through <c>Shared.Crypto.CanonicalJson.Parse</c>):
    /// a timestamp Newtonsoft turned into a date is rejected, because its exact text is gone.
    /// </summary>
    /// <param name="json">The certificate object.</param>
    /// <returns>The certificate.</returns>
    /// <exception cref="LucairnCertificateException">The object is not a well-formed certificate (reason <see cref="VerifyCertificateFailureReason.Malformed"/>).</exception>
    public static VeilCertificate FromJObject(JObject json)
    {
        CertificateFields fields = CertificateReader.Read(json);
        return Create((JObject)json.DeepClone(), fields);
    }

    /// <summary>
    /// Shape-checks a certificate object this SDK has just parsed and owns (a response body), so
    /// it is kept without the defensive copy <see cref="FromJObject"/> makes for caller objects.
    /// </summary>
    internal static VeilCertificate FromOwnedJObject(JObject owned) => Create(owned, CertificateReader.Read(owned));

    /// <summary>Returns a copy of the JSON the certificate was read from.</summary>
    /// <returns>A deep copy; changing it does not change the certificate.</returns>
    public JObject ToJObject() => (JObject)_raw.DeepClone();

    /// <summary>Gives a certificate built by <see cref="LucairnModelFactory"/> the JSON its properties say.</summary>
    internal static VeilCertificate FromModel(VeilCertificate built)
    {
        built._raw = JObject.FromObject(built, ModelWriter);
        return built;
    }

    private static VeilCertificate Create(JObject raw, CertificateFields fields)
    {
        try
        {
            VeilCertificate certificate = raw.ToObject<VeilCertificate>(Serializer)
                ?? throw new JsonSerializationException("The certificate deserialised to null.");
            certificate._raw = raw;
            certificate._fields = fields;
            certificate._signableProtocolVersionEmitted = fields.SignableProtocolVersionEmitted;
            return certificate;
        }
        catch (Exception ex) when (ex is JsonException or OverflowException or FormatException or InvalidCastException or ArgumentException)
        {
            throw CertificateFailure.Malformed($"Certificate could not be read: {ex.Message}", fields.CertificateId, ex);
        }
    }
}
