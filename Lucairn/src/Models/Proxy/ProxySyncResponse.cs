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

    /// <summary>The model result as JSON, or null.</summary>
    [JsonProperty("result")]
    public JToken? Result { get; init; }

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

    /// <summary>The compliance trace, opaque.</summary>
    [JsonProperty("compliance_trace")]
    public JObject? ComplianceTrace { get; init; }

    /// <summary>The proving-ground evaluation, opaque.</summary>
    [JsonProperty("ground_truth_evaluation")]
    public JObject? GroundTruthEvaluation { get; init; }

    /// <summary>Inline Veil evidence, opaque.</summary>
    [JsonProperty("veil_evidence")]
    public JObject? VeilEvidence { get; init; }

    /// <summary>TraceVault data, opaque.</summary>
    [JsonProperty("tracevault")]
    public JObject? TraceVault { get; init; }
}
