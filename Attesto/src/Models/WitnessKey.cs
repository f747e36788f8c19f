using Newtonsoft.Json;

namespace Attesto;

/// <summary>One witness of a policy.</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class WitnessKey
{
    /// <summary>The witness id.</summary>
    [JsonProperty("witness_id")]
    public string? WitnessId { get; init; }

    /// <summary>The witness's Ed25519 public key, 64 hex digits.</summary>
    [JsonProperty("public_key_hex")]
    public string? PublicKeyHex { get; init; }
}
