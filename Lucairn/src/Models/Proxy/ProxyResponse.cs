using Newtonsoft.Json;

namespace Lucairn;

/// <summary>
/// The answer of <see cref="LucairnClient.SendMessagesAsync"/>: either a <see cref="ProxySyncResponse"/>
/// (terminal result) or a <see cref="ProxyAcceptedResponse"/> (accepted for asynchronous
/// processing). The hierarchy is closed; switch on the two types.
/// </summary>
public abstract class ProxyResponse
{
    private protected ProxyResponse()
    {
    }

    /// <summary>The certificate receipt (Pro and Enterprise tiers), or null.</summary>
    [JsonProperty("veil")]
    public ProxyVeilReceipt? Veil { get; init; }
}
