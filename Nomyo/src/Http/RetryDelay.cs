namespace Nomyo.Http;

/// <summary>The wait before a retry: the server's <c>Retry-After</c> when given, else 1 s, 2 s, 4 s… ±20 % jitter, capped.</summary>
internal static class RetryDelay
{
    /// <summary>The delay before retry number <paramref name="attempt"/> + 1.</summary>
    /// <param name="attempt">0 for the first retry.</param>
    /// <param name="retryAfter">The server's hint, or null.</param>
    /// <param name="cap">The longest wait.</param>
    internal static TimeSpan For(int attempt, TimeSpan? retryAfter, TimeSpan cap)
    {
        TimeSpan delay = retryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, Math.Min(attempt, 30)) * (0.8 + (0.4 * Random.Shared.NextDouble())));
        return delay < cap ? delay : cap;
    }
}
