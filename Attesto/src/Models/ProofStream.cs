using Newtonsoft.Json;

namespace Attesto;

/// <summary>A Proofstream stream (<c>POST /v2/streams</c>, tenant stream listings).</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class ProofStream
{
    /// <summary>The stream id (<c>str_…</c>).</summary>
    [JsonProperty("stream_id")]
    [WireAlias("id")]
    public string? StreamId { get; set; }

    /// <summary>The owning tenant.</summary>
    [JsonProperty("tenant_id")]
    public string? TenantId { get; set; }

    /// <summary>The use case the stream was created for.</summary>
    [JsonProperty("use_case")]
    public string? UseCase { get; set; }

    /// <summary>The witness policy the stream is bound to.</summary>
    [JsonProperty("policy_id")]
    public string? PolicyId { get; set; }

    /// <summary>When the stream was created (ISO 8601 text, as sent).</summary>
    [JsonProperty("created_at")]
    public string? CreatedAt { get; set; }

    /// <summary>The sequence number of the stream head, when reported.</summary>
    [JsonProperty("head_seq_no")]
    public long? HeadSeqNo { get; set; }

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; set; }
}
