using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>Body of <c>POST /v2/verify</c>.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class VerifyObjectRequest
{
    /// <summary>The kind of object, e.g. <c>receipt</c>, <c>checkpoint</c>, <c>bundle</c>.</summary>
    [JsonProperty("kind")]
    public string? Kind { get; set; }

    /// <summary>The object to verify.</summary>
    [JsonProperty("proof_object")]
    public JToken? ProofObject { get; set; }
}
