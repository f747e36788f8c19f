using Newtonsoft.Json;

namespace Attesto;

/// <summary>One witness's Ed25519 signature over a checkpoint hash.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class WitnessSignature
{
    /// <summary>The witness id.</summary>
    [JsonProperty("witness_id")]
    public string? WitnessId { get; init; }

    /// <summary>The signature, 128 hex digits.</summary>
    [JsonProperty("signature")]
    public string? Signature { get; init; }
}
