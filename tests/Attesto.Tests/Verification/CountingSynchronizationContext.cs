namespace Attesto.Tests.Verification;

/// <summary>A synchronization context that counts the continuations posted to it (and runs them on the thread pool).</summary>
internal sealed class CountingSynchronizationContext : SynchronizationContext
{
    private int _posts;

    internal int Posts => Volatile.Read(ref _posts);

    public override void Post(SendOrPostCallback d, object? state)
    {
        Interlocked.Increment(ref _posts);
        ThreadPool.QueueUserWorkItem(_ => d(state));
    }

    /// <summary>Starts <paramref name="start"/> with this context current, then restores the previous one.</summary>
    internal T StartWithin<T>(Func<T> start)
    {
        SynchronizationContext? previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return start();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
