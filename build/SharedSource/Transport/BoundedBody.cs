namespace Shared.Http;

/// <summary>
/// Reads a response body as a stream up to a byte cap, keeping exactly the first <c>cap</c> bytes
/// of a longer body. The bytes counted are the ones the content stream yields, so with automatic
/// decompression a compression bomb stops at the cap like any other long body. Memory stays
/// bounded by about twice the cap whatever the body's length, chunking or <c>Content-Length</c>.
/// </summary>
internal static class BoundedBody
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Reads at most <paramref name="cap"/> bytes; stops as soon as the body is known to be longer.</summary>
    /// <param name="content">The content, or null for none.</param>
    /// <param name="cap">The most bytes kept.</param>
    /// <param name="cancellationToken">Cancels the read (the per-attempt timeout covers it).</param>
    /// <returns>The kept bytes and whether the body was longer than the cap.</returns>
    /// <exception cref="IOException">The connection broke mid-body.</exception>
    internal static async Task<(byte[] Body, bool OverCap)> ReadAsync(HttpContent? content, long cap, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return ([], false);
        }

        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunks = new List<byte[]>();
            long total = 0;
            while (true)
            {
                // One byte past the cap proves the body is longer without reading on.
                int want = (int)Math.Min(ChunkSize, cap + 1 - total);
                byte[] chunk = new byte[want];
                int filled = 0;
                while (filled < want)
                {
                    int read = await stream.ReadAsync(chunk.AsMemory(filled, want - filled), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    filled += read;
                }

                total += filled;
                if (total > cap)
                {
                    chunks.Add(chunk);
                    return (Join(chunks, cap), true);
                }

                if (filled < want)
                {
                    chunks.Add(filled == chunk.Length ? chunk : chunk[..filled]);
                    return (Join(chunks, total), false);
                }

                chunks.Add(chunk);
            }
        }
    }

    private static byte[] Join(List<byte[]> chunks, long length)
    {
        if (chunks.Count == 1 && chunks[0].Length == length)
        {
            return chunks[0];
        }

        byte[] body = new byte[length];
        long offset = 0;
        foreach (byte[] chunk in chunks)
        {
            int take = (int)Math.Min(chunk.Length, length - offset);
            Buffer.BlockCopy(chunk, 0, body, (int)offset, take);
            offset += take;
            if (offset == length)
            {
                break;
            }
        }

        return body;
    }
}
