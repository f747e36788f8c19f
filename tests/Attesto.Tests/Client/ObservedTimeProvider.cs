using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Attesto.Tests.Client;

/// <summary>
/// A fake clock that records the due time of every timer created on it, so a test can wait until
/// a retry delay is actually scheduled before advancing time (advancing first races with Polly).
/// </summary>
internal sealed class ObservedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    internal ConcurrentQueue<TimeSpan> TimerDueTimes { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        TimerDueTimes.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
