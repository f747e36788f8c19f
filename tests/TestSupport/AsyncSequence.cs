namespace TestSupport;

/// <summary>Turns a list into an asynchronous source that really is asynchronous, for the bulk and streaming entry points.</summary>
internal static class AsyncSequence
{
    /// <summary>Yields each item after giving up the thread once, so the consumer never gets a completed sequence.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items, in order.</param>
    /// <returns>The items as an asynchronous sequence.</returns>
    internal static async IAsyncEnumerable<T> Yielding<T>(IEnumerable<T> items)
    {
        foreach (T item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }
}
