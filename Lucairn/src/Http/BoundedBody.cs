using System.Buffers;

namespace Lucairn.Http;

/// <summary>Reads a response body up to a byte cap, keeping exactly the first <c>cap</c> bytes of a longer body.</summary>
internal static class BoundedBody
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>Reads at most <paramref name="cap"/> bytes; stops as soon as the body is known to be longer.</summary>
    internal static async Task<(byte[] Body, bool OverCap)> ReadAsync(HttpContent? content, long cap, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return ([], false);
        }

        // Content-Length only sizes the buffer (never beyond the cap); the count read is what decides.
        long expected = content.Headers.ContentLength ?? 0;
        using var kept = new MemoryStream((int)Math.Min(Math.Max(expected, 0), Math.Min(cap, 1024 * 1024)));
        byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    int read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return (kept.ToArray(), false);
                    }

                    long room = cap - kept.Length;
                    if (read > room)
                    {
                        kept.Write(chunk, 0, (int)room);
                        return (kept.ToArray(), true);
                    }

                    kept.Write(chunk, 0, read);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
