namespace Lucairn;

/// <summary>The request of <see cref="LucairnClient.SendMessagesAsync"/> (a <see cref="ProxyRequest"/>; streaming is not supported).</summary>
public class ProxyMessagesRequest : ProxyRequest
{
}
