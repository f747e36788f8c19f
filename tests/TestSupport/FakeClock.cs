using Microsoft.Extensions.Time.Testing;

namespace TestSupport;

/// <summary>Drives a call whose retries wait on a <see cref="FakeTimeProvider"/>: advances fake time in small steps until it completes (no real back-off is slept).</summary>
internal static class FakeClock
{
    internal static async Task DriveAsync(FakeTimeProvider time, Task call, TimeSpan? step = null, int maxSteps = 5000)
    {
        for (int i = 0; i < maxSteps && !call.IsCompleted; i++)
        {
            await Task.WhenAny(call, Task.Delay(2));
            if (!call.IsCompleted)
            {
                time.Advance(step ?? TimeSpan.FromSeconds(1));
            }
        }

        await call;
    }

    /// <summary>As <see cref="DriveAsync(FakeTimeProvider, Task, TimeSpan?, int)"/>, returning the call's result.</summary>
    internal static async Task<T> DriveAsync<T>(FakeTimeProvider time, Task<T> call, TimeSpan? step = null, int maxSteps = 5000)
    {
        await DriveAsync(time, (Task)call, step, maxSteps);
        return await call;
    }
}
