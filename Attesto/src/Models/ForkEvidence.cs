using Newtonsoft.Json;

namespace Attesto;

/// <summary>Evidence of a fork the service recorded for a stream.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class ForkEvidence
{
    /// <summary>The evidence id. Always set: an answer without it is rejected.</summary>
    [JsonProperty("fork_evidence_id", Required = Required.Always)]
    [WireAlias("id")]
    public string ForkEvidenceId { get; init; } = string.Empty;

    /// <summary>The stream id.</summary>
    [JsonProperty("stream_id")]
    public string? StreamId { get; init; }

    /// <summary>The contested sequence number.</summary>
    [JsonProperty("seq_no")]
    public long? SeqNo { get; init; }

    /// <summary>The event hash that had been witnessed.</summary>
    [JsonProperty("witnessed_event_hash")]
    public string? WitnessedEventHash { get; init; }

    /// <summary>The conflicting event hash.</summary>
    [JsonProperty("conflicting_event_hash")]
    public string? ConflictingEventHash { get; init; }

    /// <summary>When the fork was detected (ISO 8601 text, as sent).</summary>
    [JsonProperty("detected_at")]
    public string? DetectedAt { get; init; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; init; }
}
