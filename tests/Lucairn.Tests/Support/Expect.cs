namespace Lucairn.Tests.Support;

/// <summary>Awaitable exception assertions that return the (non-null) exception.</summary>
internal static class Expect
{
    internal static async Task<T> Throws<T>(Func<Task> action)
        where T : Exception
    {
        T? error = await Assert.ThrowsAsync<T>(async () => await action());
        return error!;
    }

    /// <summary>Like <see cref="Throws{T}"/> but also accepts a subclass of <typeparamref name="T"/> (the family error subclasses).</summary>
    internal static async Task<T> Catch<T>(Func<Task> action)
        where T : Exception
    {
        T? error = await Assert.CatchAsync<T>(async () => await action());
        return error!;
    }
}
