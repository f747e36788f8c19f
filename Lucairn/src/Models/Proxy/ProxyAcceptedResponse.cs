using Newtonsoft.Json;

namespace Lucairn;

/// <summary>An asynchronous receipt (status <c>processing</c>): poll <see cref="StatusUrl"/> for the result.</summary>
public sealed class ProxyAcceptedResponse : ProxyResponse
{
    /// <summary>The wire value of <see cref="Status"/>.</summary>
    public const string ProcessingStatus = "processing";

    /// <summary>Always <c>processing</c>.</summary>
    [JsonProperty("status", Required = Required.Always)]
    public string Status { get; init; } = ProcessingStatus;

    /// <summary>The job id.</summary>
    [JsonProperty("job_id", Required = Required.Always)]
    public string JobId { get; init; } = string.Empty;

    /// <summary>The request id.</summary>
    [JsonProperty("request_id", Required = Required.Always)]
    public string RequestId { get; init; } = string.Empty;

    /// <summary>Where to poll for the result.</summary>
    [JsonProperty("status_url", Required = Required.Always)]
    public string StatusUrl { get; init; } = string.Empty;
}
