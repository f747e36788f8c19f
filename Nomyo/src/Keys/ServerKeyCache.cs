using System.Collections.Concurrent;
using Shared.Crypto;

namespace Nomyo;

/// <summary>
/// Server public keys per base URL, fetched once (single flight) and kept for the client's
/// life (spec §12a.1). A failed fetch is not cached, so the next call tries again.
/// </summary>
internal sealed class ServerKeyCache
{
    private readonly ConcurrentDictionary<string, Task<RsaPublicKey>> _keys = new(StringComparer.Ordinal);

    /// <summary>The key for <paramref name="baseUrl"/>, fetching it with <paramref name="fetch"/> when not cached.</summary>
    internal async Task<RsaPublicKey> GetAsync(string baseUrl, Func<string, Task<RsaPublicKey>> fetch, CancellationToken cancellationToken)
    {
        Task<RsaPublicKey> task = _keys.GetOrAdd(baseUrl, fetch);
        try
        {
            return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (task.IsFaulted || task.IsCanceled)
        {
            _keys.TryRemove(new KeyValuePair<string, Task<RsaPublicKey>>(baseUrl, task));
            throw;
        }
    }
}
