namespace Lucairn;

/// <summary>The request of <see cref="LucairnClient.MessagesAsync"/> (a <see cref="ProxyRequest"/>; streaming is not supported).</summary>
public class ProxyMessagesRequest : ProxyRequest
{
}
