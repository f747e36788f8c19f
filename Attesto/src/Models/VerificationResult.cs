using Newtonsoft.Json;

namespace Attesto;

/// <summary>Answer of the remote verifier (<c>POST /v2/verify</c>).</summary>
[JsonConverter(typeof(WireModelConverter))]
public sealed class VerificationResult
{
    /// <summary>True when the service found no problem.</summary>
    [JsonProperty("ok")]
    public bool Ok { get; init; }

    /// <summary>The kind of object verified.</summary>
    [JsonProperty("kind")]
    public string? Kind { get; init; }

    /// <summary>The checks the service ran.</summary>
    [JsonProperty("checked")]
    public IReadOnlyList<string> Checked { get; init; } = [];

    /// <summary>The problems the service found.</summary>
    [JsonProperty("problems")]
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>True on objects produced by <c>MockAttesto</c>.</summary>
    [JsonProperty("mock")]
    public bool? Mock { get; init; }
}
