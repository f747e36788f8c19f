namespace TestSupport;

/// <summary>Measures the bytes the whole process allocates while an operation runs (every thread, so socket and decompression buffers count).</summary>
internal static class AllocationMeter
{
    /// <summary>The limit the response-cap tests hold every transport to.</summary>
    internal const long Budget = 64L * 1024 * 1024;

    /// <summary>Runs <paramref name="operation"/> and returns the exception it threw and the bytes allocated meanwhile.</summary>
    internal static async Task<(Exception? Error, long Allocated)> MeasureAsync(Func<Task> operation)
    {
        long before = GC.GetTotalAllocatedBytes(precise: true);
        Exception? error = null;
        try
        {
            await operation();
        }
        catch (Exception ex)
        {
            error = ex;
        }

        return (error, GC.GetTotalAllocatedBytes(precise: true) - before);
    }
}
