namespace Attesto;

/// <summary>A head store that lives as long as the process (thread-safe).</summary>
public sealed class MemoryHeadStore : IHeadStore
{
    private readonly Dictionary<string, StreamHead> _heads = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <inheritdoc />
    public Task<StreamHead?> GetAsync(string streamId, CancellationToken cancellationToken = default)
    {
        HeadStoreArguments.CheckStreamId(streamId);
        lock (_gate)
        {
            return Task.FromResult(_heads.TryGetValue(streamId, out StreamHead? head) ? head : null);
        }
    }

    /// <inheritdoc />
    public Task<StreamHead> UpdateAsync(string streamId, Func<StreamHead?, StreamHead> update, CancellationToken cancellationToken = default)
    {
        HeadStoreArguments.CheckStreamId(streamId);
        AttestoArguments.NotNull(update, nameof(update));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            StreamHead? current = _heads.TryGetValue(streamId, out StreamHead? head) ? head : null;
            StreamHead next = HeadStoreArguments.CheckResult(update(current));
            _heads[streamId] = next;
            return Task.FromResult(next);
        }
    }
}
