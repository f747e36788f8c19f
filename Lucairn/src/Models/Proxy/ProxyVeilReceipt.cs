using Newtonsoft.Json;

namespace Lucairn;

/// <summary>Where the privacy certificate of a request can be fetched (Pro and Enterprise tiers).</summary>
public sealed class ProxyVeilReceipt
{
    /// <summary><c>available</c> or <c>pending</c>.</summary>
    [JsonProperty("status", Required = Required.Always)]
    public ProxyVeilReceiptStatus Status { get; init; }

    /// <summary>The certificate URL.</summary>
    [JsonProperty("certificate_url", Required = Required.Always)]
    public string CertificateUrl { get; init; } = string.Empty;

    /// <summary>The HTML summary URL.</summary>
    [JsonProperty("summary_url", Required = Required.Always)]
    public string SummaryUrl { get; init; } = string.Empty;
}
