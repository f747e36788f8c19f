using Newtonsoft.Json;

namespace Attesto;

/// <summary>Body of <c>POST /v2/audit/packs</c>.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class BuildVerifierBundleRequest
{
    /// <summary>The first checkpoint of the range.</summary>
    [JsonProperty("from_checkpoint_id")]
    public string? FromCheckpointId { get; set; }

    /// <summary>The last checkpoint of the range.</summary>
    [JsonProperty("to_checkpoint_id")]
    public string? ToCheckpointId { get; set; }
}
