namespace Lucairn.Tests.Support;

/// <summary>A handler that never answers until the request is cancelled; counts the attempts.</summary>
internal sealed class HangingHandler : HttpMessageHandler
{
    private int _calls;

    internal int Calls => Volatile.Read(ref _calls);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}
