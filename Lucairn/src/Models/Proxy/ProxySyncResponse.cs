using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Lucairn;

/// <summary>A terminal proxy result (status <c>JOB_STATUS_COMPLETED</c> or <c>JOB_STATUS_FAILED</c>).</summary>
public sealed class ProxySyncResponse : ProxyResponse
{
    /// <summary>Completed or failed.</summary>
    [JsonProperty("status", Required = Required.Always)]
    public ProxyJobStatus Status { get; init; }

    /// <summary>The model that answered.</summary>
    [JsonProperty("model_used", Required = Required.Always)]
    public string ModelUsed { get; init; } = string.Empty;

    /// <summary>Gateway latency in milliseconds (0 when not reported).</summary>
    [JsonProperty("latency_ms")]
    public long LatencyMs { get; init; }

    [JsonProperty("result")]
    internal JToken? ResultJson { get; init; }

    /// <summary>The model result as JSON, or null; a copy, so changing it leaves this model unchanged.</summary>
    /// <returns>A copy of the JSON, or null when it is absent.</returns>
    public JToken? GetResult() => ResultJson?.DeepClone();

    /// <summary>Whether DLP redaction happened.</summary>
    [JsonProperty("dlp_redacted")]
    public bool? DlpRedacted { get; init; }

    /// <summary>Whether redacted values were re-linked into the answer.</summary>
    [JsonProperty("relinked")]
    public bool? Relinked { get; init; }

    /// <summary>The failure message of a failed job.</summary>
    [JsonProperty("error_message")]
    public string? ErrorMessage { get; init; }

    /// <summary>How many values were redacted; null means "not reported", not zero.</summary>
    [JsonProperty("redaction_count")]
    public int? RedactionCount { get; init; }

    /// <summary>The request id (use it to fetch the certificate).</summary>
    [JsonProperty("request_id")]
    public string? RequestId { get; init; }

    [JsonProperty("compliance_trace")]
    internal JObject? ComplianceTraceJson { get; init; }

    /// <summary>The compliance trace, opaque; a copy, so changing it leaves this model unchanged.</summary>
    /// <returns>A copy of the JSON, or null when it is absent.</returns>
    public JObject? GetComplianceTrace() => (JObject?)ComplianceTraceJson?.DeepClone();

    [JsonProperty("ground_truth_evaluation")]
    internal JObject? GroundTruthEvaluationJson { get; init; }

    /// <summary>The proving-ground evaluation, opaque; a copy, so changing it leaves this model unchanged.</summary>
    /// <returns>A copy of the JSON, or null when it is absent.</returns>
    public JObject? GetGroundTruthEvaluation() => (JObject?)GroundTruthEvaluationJson?.DeepClone();

    [JsonProperty("veil_evidence")]
    internal JObject? VeilEvidenceJson { get; init; }

    /// <summary>Inline Veil evidence, opaque; a copy, so changing it leaves this model unchanged.</summary>
    /// <returns>A copy of the JSON, or null when it is absent.</returns>
    public JObject? GetVeilEvidence() => (JObject?)VeilEvidenceJson?.DeepClone();

    [JsonProperty("tracevault")]
    internal JObject? TraceVaultJson { get; init; }

    /// <summary>TraceVault data, opaque; a copy, so changing it leaves this model unchanged.</summary>
    /// <returns>A copy of the JSON, or null when it is absent.</returns>
    public JObject? GetTraceVault() => (JObject?)TraceVaultJson?.DeepClone();
}
