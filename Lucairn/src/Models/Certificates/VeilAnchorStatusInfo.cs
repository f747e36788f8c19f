using Newtonsoft.Json;

namespace Lucairn;

/// <summary>The gateway's anchoring report (<c>anchor_status</c>); not signed, not verified.</summary>
public sealed class VeilAnchorStatusInfo
{
    [JsonConstructor]
    internal VeilAnchorStatusInfo()
    {
    }

    /// <summary>The anchoring state (<c>status</c>).</summary>
    [JsonProperty("status")]
    public VeilAnchorStatus Status { get; init; }

    /// <summary>How many anchoring attempts were made (<c>attempts</c>), if reported.</summary>
    [JsonProperty("attempts")]
    public long? Attempts { get; init; }

    /// <summary>The last anchoring error (<c>last_error</c>), if reported.</summary>
    [JsonProperty("last_error")]
    public string? LastError { get; init; }

    /// <summary>A human-readable note (<c>human_note</c>), if reported.</summary>
    [JsonProperty("human_note")]
    public string? HumanNote { get; init; }
}
