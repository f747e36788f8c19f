using System.Collections.ObjectModel;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>
/// Builds the SDK's output models without JSON, for tests of code that consumes them (like Azure's
/// <c>…ModelFactory</c>). Every property is an optional parameter; JSON blocks and collections are
/// copied, so changing an argument afterwards leaves the built model unchanged.
/// </summary>
public static class LucairnModelFactory
{
    /// <summary>Builds a <see cref="CertificateFetchResult"/>: ready with <paramref name="certificate"/>, or pending when it is null.</summary>
    /// <param name="certificate">The certificate, or null for pending.</param>
    /// <param name="retryAfter">The wait the gateway asked for while pending.</param>
    /// <returns>The result.</returns>
    public static CertificateFetchResult CertificateFetchResult(VeilCertificate? certificate = null, TimeSpan? retryAfter = null) =>
        new() { Certificate = certificate, RetryAfter = retryAfter };

    /// <summary>
    /// Builds a <see cref="VeilCertificate"/>. Its <see cref="VeilCertificate.ToJObject"/> is the JSON
    /// these values make; verifying it runs the same strict reader and signature checks as a served
    /// certificate (so a built certificate without real signatures fails verification).
    /// </summary>
    /// <param name="certificateId"><see cref="VeilCertificate.CertificateId"/>.</param>
    /// <param name="requestId"><see cref="VeilCertificate.RequestId"/>.</param>
    /// <param name="protocolVersion"><see cref="VeilCertificate.ProtocolVersion"/>.</param>
    /// <param name="claims"><see cref="VeilCertificate.Claims"/>.</param>
    /// <param name="verification"><see cref="VeilCertificate.Verification"/>; a default one when null.</param>
    /// <param name="issuedAt"><see cref="VeilCertificate.IssuedAt"/>.</param>
    /// <param name="formalVerification"><see cref="VeilCertificate.GetFormalVerification"/>.</param>
    /// <param name="auditIntegrity"><see cref="VeilCertificate.GetAuditIntegrity"/>.</param>
    /// <param name="privacyBudget"><see cref="VeilCertificate.GetPrivacyBudget"/>.</param>
    /// <param name="witnessSignature"><see cref="VeilCertificate.WitnessSignature"/>.</param>
    /// <param name="witnessKeyId"><see cref="VeilCertificate.WitnessKeyId"/>.</param>
    /// <param name="attestation"><see cref="VeilCertificate.Attestation"/>.</param>
    /// <param name="anchorStatus"><see cref="VeilCertificate.AnchorStatus"/>.</param>
    /// <param name="clientId"><see cref="VeilCertificate.ClientId"/>.</param>
    /// <param name="apiKeyId"><see cref="VeilCertificate.ApiKeyId"/>.</param>
    /// <param name="signableV2Signature"><see cref="VeilCertificate.SignableV2Signature"/>.</param>
    /// <param name="signableV3Signature"><see cref="VeilCertificate.SignableV3Signature"/>.</param>
    /// <param name="signableProtocolVersionEmitted"><see cref="VeilCertificate.SignableProtocolVersionEmitted"/>.</param>
    /// <returns>The certificate.</returns>
    public static VeilCertificate VeilCertificate(
        string certificateId = "",
        string requestId = "",
        long protocolVersion = 0,
        IEnumerable<VeilClaim>? claims = null,
        VeilVerificationResult? verification = null,
        string issuedAt = "",
        JObject? formalVerification = null,
        JObject? auditIntegrity = null,
        JObject? privacyBudget = null,
        string witnessSignature = "",
        string witnessKeyId = "",
        VeilExternalAttestation? attestation = null,
        VeilAnchorStatusInfo? anchorStatus = null,
        string? clientId = null,
        string? apiKeyId = null,
        string? signableV2Signature = null,
        string? signableV3Signature = null,
        long signableProtocolVersionEmitted = 0) =>
        Lucairn.VeilCertificate.FromModel(new()
        {
            CertificateId = certificateId,
            RequestId = requestId,
            ProtocolVersion = protocolVersion,
            Claims = ReadOnly(claims),
            Verification = verification ?? VeilVerificationResult(),
            IssuedAt = issuedAt,
            FormalVerificationJson = Copy(formalVerification),
            AuditIntegrityJson = Copy(auditIntegrity),
            PrivacyBudgetJson = Copy(privacyBudget),
            WitnessSignature = witnessSignature,
            WitnessKeyId = witnessKeyId,
            Attestation = attestation,
            AnchorStatus = anchorStatus,
            ClientId = clientId,
            ApiKeyId = apiKeyId,
            SignableV2Signature = signableV2Signature,
            SignableV3Signature = signableV3Signature,
            SignableProtocolVersionEmitted = signableProtocolVersionEmitted,
        });

    /// <summary>Builds a <see cref="VeilClaim"/>.</summary>
    /// <param name="claimId"><see cref="VeilClaim.ClaimId"/>.</param>
    /// <param name="requestId"><see cref="VeilClaim.RequestId"/>.</param>
    /// <param name="serviceId"><see cref="VeilClaim.ServiceId"/>.</param>
    /// <param name="claimType"><see cref="VeilClaim.ClaimType"/>.</param>
    /// <param name="dataSeen"><see cref="VeilClaim.DataSeen"/>.</param>
    /// <param name="dataNotSeen"><see cref="VeilClaim.DataNotSeen"/>.</param>
    /// <param name="canonicalPayload"><see cref="VeilClaim.CanonicalPayload"/>.</param>
    /// <param name="timestamp"><see cref="VeilClaim.Timestamp"/>.</param>
    /// <param name="signature"><see cref="VeilClaim.Signature"/>.</param>
    /// <param name="bridge"><see cref="VeilClaim.GetBridge"/>.</param>
    /// <param name="sanitizer"><see cref="VeilClaim.GetSanitizer"/>.</param>
    /// <param name="inference"><see cref="VeilClaim.GetInference"/>.</param>
    /// <param name="audit"><see cref="VeilClaim.GetAudit"/>.</param>
    /// <returns>The claim.</returns>
    public static VeilClaim VeilClaim(
        string claimId = "",
        string requestId = "",
        string serviceId = "",
        VeilClaimType claimType = VeilClaimType.Unspecified,
        IEnumerable<string>? dataSeen = null,
        IEnumerable<string>? dataNotSeen = null,
        string canonicalPayload = "",
        string timestamp = "",
        string signature = "",
        JObject? bridge = null,
        JObject? sanitizer = null,
        JObject? inference = null,
        JObject? audit = null) =>
        new()
        {
            ClaimId = claimId,
            RequestId = requestId,
            ServiceId = serviceId,
            ClaimType = claimType,
            DataSeen = ReadOnly(dataSeen),
            DataNotSeen = ReadOnly(dataNotSeen),
            CanonicalPayload = canonicalPayload,
            Timestamp = timestamp,
            Signature = signature,
            BridgeJson = Copy(bridge),
            SanitizerJson = Copy(sanitizer),
            InferenceJson = Copy(inference),
            AuditJson = Copy(audit),
        };

    /// <summary>Builds a <see cref="VeilVerificationResult"/>.</summary>
    /// <param name="signaturesValid"><see cref="VeilVerificationResult.SignaturesValid"/>.</param>
    /// <param name="completeness"><see cref="VeilVerificationResult.Completeness"/>.</param>
    /// <param name="missingServices"><see cref="VeilVerificationResult.MissingServices"/>.</param>
    /// <param name="temporalConsistent"><see cref="VeilVerificationResult.TemporalConsistent"/>.</param>
    /// <param name="dataVisibilityConsistent"><see cref="VeilVerificationResult.DataVisibilityConsistent"/>.</param>
    /// <param name="isolationVerified"><see cref="VeilVerificationResult.IsolationVerified"/>.</param>
    /// <param name="qiScore"><see cref="VeilVerificationResult.GetQiScore"/>.</param>
    /// <param name="overallVerdict"><see cref="VeilVerificationResult.OverallVerdict"/>.</param>
    /// <param name="byokExempt"><see cref="VeilVerificationResult.ByokExempt"/>.</param>
    /// <param name="certTier"><see cref="VeilVerificationResult.CertTier"/>.</param>
    /// <returns>The verification summary.</returns>
    public static VeilVerificationResult VeilVerificationResult(
        bool signaturesValid = false,
        VeilCompleteness completeness = VeilCompleteness.Unspecified,
        IEnumerable<string>? missingServices = null,
        bool temporalConsistent = false,
        bool dataVisibilityConsistent = false,
        bool isolationVerified = false,
        JToken? qiScore = null,
        VeilVerdict overallVerdict = VeilVerdict.Unspecified,
        bool byokExempt = false,
        string? certTier = null) =>
        new()
        {
            SignaturesValid = signaturesValid,
            Completeness = completeness,
            MissingServices = ReadOnly(missingServices),
            TemporalConsistent = temporalConsistent,
            DataVisibilityConsistent = dataVisibilityConsistent,
            IsolationVerified = isolationVerified,
            QiScoreJson = qiScore?.DeepClone(),
            OverallVerdict = overallVerdict,
            ByokExempt = byokExempt,
            CertTier = certTier,
        };

    /// <summary>Builds a <see cref="VeilExternalAttestation"/>.</summary>
    /// <param name="timestamp"><see cref="VeilExternalAttestation.GetTimestamp"/>.</param>
    /// <param name="transparencyLog"><see cref="VeilExternalAttestation.GetTransparencyLog"/>.</param>
    /// <param name="notary"><see cref="VeilExternalAttestation.GetNotary"/>.</param>
    /// <returns>The attestation.</returns>
    public static VeilExternalAttestation VeilExternalAttestation(JObject? timestamp = null, JObject? transparencyLog = null, JObject? notary = null) =>
        new() { TimestampJson = Copy(timestamp), TransparencyLogJson = Copy(transparencyLog), NotaryJson = Copy(notary) };

    /// <summary>Builds a <see cref="VeilAnchorStatusInfo"/>.</summary>
    /// <param name="status"><see cref="VeilAnchorStatusInfo.Status"/>.</param>
    /// <param name="attempts"><see cref="VeilAnchorStatusInfo.Attempts"/>.</param>
    /// <param name="lastError"><see cref="VeilAnchorStatusInfo.LastError"/>.</param>
    /// <param name="humanNote"><see cref="VeilAnchorStatusInfo.HumanNote"/>.</param>
    /// <returns>The anchor status.</returns>
    public static VeilAnchorStatusInfo VeilAnchorStatusInfo(VeilAnchorStatus status = VeilAnchorStatus.Unspecified, long? attempts = null, string? lastError = null, string? humanNote = null) =>
        new() { Status = status, Attempts = attempts, LastError = lastError, HumanNote = humanNote };

    /// <summary>Builds a <see cref="ProxySyncResponse"/> (a terminal <see cref="ProxyResponse"/>).</summary>
    /// <param name="status"><see cref="ProxySyncResponse.Status"/>.</param>
    /// <param name="modelUsed"><see cref="ProxySyncResponse.ModelUsed"/>.</param>
    /// <param name="latencyMs"><see cref="ProxySyncResponse.LatencyMs"/>.</param>
    /// <param name="result"><see cref="ProxySyncResponse.GetResult"/>.</param>
    /// <param name="dlpRedacted"><see cref="ProxySyncResponse.DlpRedacted"/>.</param>
    /// <param name="relinked"><see cref="ProxySyncResponse.Relinked"/>.</param>
    /// <param name="errorMessage"><see cref="ProxySyncResponse.ErrorMessage"/>.</param>
    /// <param name="redactionCount"><see cref="ProxySyncResponse.RedactionCount"/>.</param>
    /// <param name="requestId"><see cref="ProxySyncResponse.RequestId"/>.</param>
    /// <param name="complianceTrace"><see cref="ProxySyncResponse.GetComplianceTrace"/>.</param>
    /// <param name="groundTruthEvaluation"><see cref="ProxySyncResponse.GetGroundTruthEvaluation"/>.</param>
    /// <param name="veilEvidence"><see cref="ProxySyncResponse.GetVeilEvidence"/>.</param>
    /// <param name="traceVault"><see cref="ProxySyncResponse.GetTraceVault"/>.</param>
    /// <param name="veil"><see cref="ProxyResponse.Veil"/>.</param>
    /// <returns>The response.</returns>
    public static ProxySyncResponse ProxySyncResponse(
        ProxyJobStatus status = ProxyJobStatus.Completed,
        string modelUsed = "",
        long latencyMs = 0,
        JToken? result = null,
        bool? dlpRedacted = null,
        bool? relinked = null,
        string? errorMessage = null,
        int? redactionCount = null,
        string? requestId = null,
        JObject? complianceTrace = null,
        JObject? groundTruthEvaluation = null,
        JObject? veilEvidence = null,
        JObject? traceVault = null,
        ProxyVeilReceipt? veil = null) =>
        new()
        {
            Status = status,
            ModelUsed = modelUsed,
            LatencyMs = latencyMs,
            ResultJson = result?.DeepClone(),
            DlpRedacted = dlpRedacted,
            Relinked = relinked,
            ErrorMessage = errorMessage,
            RedactionCount = redactionCount,
            RequestId = requestId,
            ComplianceTraceJson = Copy(complianceTrace),
            GroundTruthEvaluationJson = Copy(groundTruthEvaluation),
            VeilEvidenceJson = Copy(veilEvidence),
            TraceVaultJson = Copy(traceVault),
            Veil = veil,
        };

    /// <summary>Builds a <see cref="ProxyAcceptedResponse"/> (an asynchronous job's <see cref="ProxyResponse"/>).</summary>
    /// <param name="jobId"><see cref="ProxyAcceptedResponse.JobId"/>.</param>
    /// <param name="requestId"><see cref="ProxyAcceptedResponse.RequestId"/>.</param>
    /// <param name="statusUrl"><see cref="ProxyAcceptedResponse.StatusUrl"/>.</param>
    /// <param name="status"><see cref="ProxyAcceptedResponse.Status"/>.</param>
    /// <param name="veil"><see cref="ProxyResponse.Veil"/>.</param>
    /// <returns>The response.</returns>
    public static ProxyAcceptedResponse ProxyAcceptedResponse(
        string jobId = "",
        string requestId = "",
        string statusUrl = "",
        string status = Lucairn.ProxyAcceptedResponse.ProcessingStatus,
        ProxyVeilReceipt? veil = null) =>
        new() { JobId = jobId, RequestId = requestId, StatusUrl = statusUrl, Status = status, Veil = veil };

    /// <summary>Builds a <see cref="ProxyVeilReceipt"/>.</summary>
    /// <param name="status"><see cref="ProxyVeilReceipt.Status"/>.</param>
    /// <param name="certificateUrl"><see cref="ProxyVeilReceipt.CertificateUrl"/>.</param>
    /// <param name="summaryUrl"><see cref="ProxyVeilReceipt.SummaryUrl"/>.</param>
    /// <returns>The receipt.</returns>
    public static ProxyVeilReceipt ProxyVeilReceipt(ProxyVeilReceiptStatus status = ProxyVeilReceiptStatus.Available, string certificateUrl = "", string summaryUrl = "") =>
        new() { Status = status, CertificateUrl = certificateUrl, SummaryUrl = summaryUrl };

    /// <summary>Builds an <see cref="AuditExportResponse"/>.</summary>
    /// <param name="customerId"><see cref="AuditExportResponse.CustomerId"/>.</param>
    /// <param name="tier"><see cref="AuditExportResponse.Tier"/>.</param>
    /// <param name="period"><see cref="AuditExportResponse.Period"/>.</param>
    /// <param name="events"><see cref="AuditExportResponse.Events"/>.</param>
    /// <param name="totalEvents"><see cref="AuditExportResponse.TotalEvents"/>; the number of <paramref name="events"/> when null.</param>
    /// <param name="source"><see cref="AuditExportResponse.Source"/>.</param>
    /// <returns>The export.</returns>
    public static AuditExportResponse AuditExportResponse(
        string customerId = "",
        string tier = "",
        string period = "",
        IEnumerable<AuditEntry>? events = null,
        int? totalEvents = null,
        string source = "")
    {
        ReadOnlyCollection<AuditEntry> entries = ReadOnly(events);
        return new()
        {
            CustomerId = customerId,
            Tier = tier,
            Period = period,
            Events = entries,
            TotalEvents = totalEvents ?? entries.Count,
            Source = source,
        };
    }

    /// <summary>Builds an <see cref="AuditEntry"/>.</summary>
    /// <param name="timestamp"><see cref="AuditEntry.Timestamp"/>.</param>
    /// <param name="eventType"><see cref="AuditEntry.EventType"/>.</param>
    /// <param name="actor"><see cref="AuditEntry.Actor"/>.</param>
    /// <param name="details"><see cref="AuditEntry.Details"/>.</param>
    /// <param name="requestId"><see cref="AuditEntry.RequestId"/>.</param>
    /// <returns>The entry.</returns>
    public static AuditEntry AuditEntry(string timestamp = "", string eventType = "", string actor = "", string details = "", string? requestId = null) =>
        new() { Timestamp = timestamp, EventType = eventType, Actor = actor, Details = details, RequestId = requestId };

    /// <summary>Builds a <see cref="VerifyCertificateResult"/>.</summary>
    /// <param name="certificateId"><see cref="VerifyCertificateResult.CertificateId"/>.</param>
    /// <param name="requestId"><see cref="VerifyCertificateResult.RequestId"/>.</param>
    /// <param name="witnessKeyId"><see cref="VerifyCertificateResult.WitnessKeyId"/>.</param>
    /// <param name="witnessAssertedIssuedAt"><see cref="VerifyCertificateResult.WitnessAssertedIssuedAt"/>.</param>
    /// <param name="witnessAssertedIssuedAtIso"><see cref="VerifyCertificateResult.WitnessAssertedIssuedAtIso"/>; <paramref name="witnessAssertedIssuedAt"/> in RFC 3339 when null.</param>
    /// <param name="anchorStatus"><see cref="VerifyCertificateResult.AnchorStatus"/>.</param>
    /// <param name="overallVerdict"><see cref="VerifyCertificateResult.OverallVerdict"/>.</param>
    /// <param name="signableVersion"><see cref="VerifyCertificateResult.SignableVersion"/>.</param>
    /// <param name="v3SignatureStripped"><see cref="VerifyCertificateResult.V3SignatureStripped"/>.</param>
    /// <returns>The verification result.</returns>
    public static VerifyCertificateResult VerifyCertificateResult(
        string certificateId = "",
        string requestId = "",
        string witnessKeyId = "",
        DateTimeOffset witnessAssertedIssuedAt = default,
        string? witnessAssertedIssuedAtIso = null,
        VeilAnchorStatus anchorStatus = VeilAnchorStatus.Unspecified,
        VeilVerdict overallVerdict = VeilVerdict.Unspecified,
        SignableVersion signableVersion = default,
        bool v3SignatureStripped = false) =>
        new()
        {
            CertificateId = certificateId,
            RequestId = requestId,
            WitnessKeyId = witnessKeyId,
            WitnessAssertedIssuedAt = witnessAssertedIssuedAt,
            WitnessAssertedIssuedAtIso = witnessAssertedIssuedAtIso
                ?? witnessAssertedIssuedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            AnchorStatus = anchorStatus,
            OverallVerdict = overallVerdict,
            SignableVersion = signableVersion,
            V3SignatureStripped = v3SignatureStripped,
        };

    /// <summary>Builds a <see cref="CertificateChainResult"/>.</summary>
    /// <param name="verdict"><see cref="CertificateChainResult.Verdict"/> (see <see cref="ChainVerdicts"/>).</param>
    /// <param name="reason"><see cref="CertificateChainResult.Reason"/>.</param>
    /// <param name="egressAttestation"><see cref="CertificateChainResult.EgressAttestation"/>.</param>
    /// <param name="userUnredacted"><see cref="CertificateChainResult.UserUnredacted"/>.</param>
    /// <param name="signedCertTier"><see cref="CertificateChainResult.SignedCertTier"/>.</param>
    /// <param name="signableVersion"><see cref="CertificateChainResult.SignableVersion"/>.</param>
    /// <param name="requestBinding"><see cref="CertificateChainResult.RequestBinding"/>.</param>
    /// <param name="verified"><see cref="CertificateChainResult.Verified"/>.</param>
    /// <param name="step"><see cref="CertificateChainResult.Step"/>.</param>
    /// <returns>The chain result.</returns>
    public static CertificateChainResult CertificateChainResult(
        string verdict = ChainVerdicts.Failed,
        string reason = "",
        string egressAttestation = "not_evaluated",
        string userUnredacted = "unknown",
        string signedCertTier = "not_evaluated",
        string signableVersion = "none",
        string requestBinding = "not_evaluated",
        CertificateChainVerified? verified = null,
        string step = "") =>
        new(step, verdict, reason, egressAttestation, userUnredacted, signedCertTier, signableVersion, requestBinding, verified);

    /// <summary>Builds a <see cref="CertificateChainVerified"/>.</summary>
    /// <param name="certificate"><see cref="CertificateChainVerified.Certificate"/>, in the order given.</param>
    /// <param name="claims"><see cref="CertificateChainVerified.Claims"/>.</param>
    /// <returns>The verified values.</returns>
    public static CertificateChainVerified CertificateChainVerified(
        IEnumerable<KeyValuePair<string, JToken>>? certificate = null,
        IReadOnlyDictionary<string, CertificateChainVerifiedClaim>? claims = null) =>
        new(
            ReadOnly(certificate?.Select(pair => new KeyValuePair<string, JToken>(pair.Key, pair.Value.DeepClone()))),
            new ReadOnlyDictionary<string, CertificateChainVerifiedClaim>((claims ?? new Dictionary<string, CertificateChainVerifiedClaim>()).ToDictionary(StringComparer.Ordinal)));

    /// <summary>Builds a <see cref="CertificateChainVerifiedClaim"/>.</summary>
    /// <param name="canonical"><see cref="CertificateChainVerifiedClaim.Canonical"/>.</param>
    /// <param name="values"><see cref="CertificateChainVerifiedClaim.Values"/>.</param>
    /// <returns>The verified claim.</returns>
    public static CertificateChainVerifiedClaim CertificateChainVerifiedClaim(string canonical = "", IReadOnlyDictionary<string, JValue>? values = null) =>
        new(canonical, new ReadOnlyDictionary<string, JValue>((values ?? new Dictionary<string, JValue>()).ToDictionary(pair => pair.Key, pair => (JValue)pair.Value.DeepClone(), StringComparer.Ordinal)));

    private static ReadOnlyCollection<T> ReadOnly<T>(IEnumerable<T>? items) => Array.AsReadOnly(items?.ToArray() ?? []);

    private static JObject? Copy(JObject? json) => (JObject?)json?.DeepClone();
}
