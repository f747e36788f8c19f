using Newtonsoft.Json;

namespace Attesto;

/// <summary>A Proofstream stream (<c>POST /v2/streams</c>, tenant stream listings).</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class ProofStream
{
    /// <summary>The stream id (<c>str_…</c>). Always set: an answer without it is rejected.</summary>
    [JsonProperty("stream_id", Required = Required.Always)]
    [WireAlias("id")]
    public string StreamId { get; init; } = string.Empty;

    /// <summary>The owning tenant.</summary>
    [JsonProperty("tenant_id")]
    public string? TenantId { get; init; }

    /// <summary>The use case the stream was created for.</summary>
    [JsonProperty("use_case")]
    public string? UseCase { get; init; }

    /// <summary>The witness policy the stream is bound to.</summary>
    [JsonProperty("policy_id")]
    public string? PolicyId { get; init; }

    /// <summary>When the stream was created (ISO 8601 text, as sent).</summary>
    [JsonProperty("created_at")]
    public string? CreatedAt { get; init; }

    /// <summary>The sequence number of the stream head, when reported.</summary>
    [JsonProperty("head_seq_no")]
    public long? HeadSeqNo { get; init; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; init; }
}
