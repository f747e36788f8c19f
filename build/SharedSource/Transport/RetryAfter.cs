namespace Shared.Http;

/// <summary>Reads a <c>Retry-After</c> header (delta seconds or HTTP date) as a wait from now, never negative.</summary>
internal static class RetryAfter
{
    internal static TimeSpan? Of(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        return wait is { } value && value < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary><paramref name="wait"/> cut to [0, <paramref name="cap"/>].</summary>
    internal static TimeSpan Clamp(TimeSpan wait, TimeSpan cap) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;
}
