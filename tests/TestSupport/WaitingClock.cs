using Microsoft.Extensions.Time.Testing;

namespace TestSupport;

/// <summary>
/// A fake clock that counts its armed one-shot timers due within <see cref="LongestWait"/> (the
/// waits under test; longer timers such as a 60 s request timeout are not counted), so a driver
/// can advance time only while the code under test is actually waiting. Advancing blindly races:
/// a step taken between a poll and the delay that follows it shifts every later timestamp.
/// </summary>
internal sealed class WaitingClock(DateTimeOffset start, TimeSpan longestWait) : FakeTimeProvider(start)
{
    private int _armedWaits;

    internal TimeSpan LongestWait { get; } = longestWait;

    /// <summary>How many counted timers are armed now.</summary>
    internal int ArmedWaits => Volatile.Read(ref _armedWaits);

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan || dueTime > LongestWait || period != Timeout.InfiniteTimeSpan)
        {
            return base.CreateTimer(callback, state, dueTime, period);
        }

        var wait = new ArmedWait(this);
        Interlocked.Increment(ref _armedWaits);
        wait.Inner = base.CreateTimer(s => { wait.Disarm(); callback(s); }, state, dueTime, period);
        return wait;
    }

    /// <summary>Advances time in <paramref name="step"/>s while a counted wait is armed, until the call completes.</summary>
    internal async Task<T> DriveAsync<T>(Task<T> call, TimeSpan step)
    {
        long giveUp = Environment.TickCount64 + 30_000;
        while (!call.IsCompleted)
        {
            if (ArmedWaits > 0)
            {
                Advance(step);
            }
            else if (Environment.TickCount64 > giveUp)
            {
                throw new TimeoutException("The call neither completed nor armed a wait within 30 s of real time.");
            }
            else
            {
                await Task.WhenAny(call, Task.Delay(1)).ConfigureAwait(false);
            }
        }

        return await call.ConfigureAwait(false);
    }

    private sealed class ArmedWait(WaitingClock clock) : ITimer
    {
        private int _disarmed;

        internal ITimer? Inner { get; set; }

        internal void Disarm()
        {
            if (Interlocked.Exchange(ref _disarmed, 1) == 0)
            {
                Interlocked.Decrement(ref clock._armedWaits);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Disarm(); // a re-armed timer is no longer the wait being counted
            return Inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            Disarm();
            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Disarm();
            return Inner?.DisposeAsync() ?? default;
        }
    }
}
