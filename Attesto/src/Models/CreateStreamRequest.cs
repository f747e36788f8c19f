using Newtonsoft.Json;

namespace Attesto;

/// <summary>Body of <c>POST /v2/streams</c>.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class CreateStreamRequest
{
    /// <summary>The use case, e.g. <c>credit-decisions</c>.</summary>
    [JsonProperty("use_case")]
    public string? UseCase { get; set; }

    /// <summary>The witness policy id.</summary>
    [JsonProperty("policy_id")]
    public string? PolicyId { get; set; }
}
