namespace Lucairn.Http;

/// <summary>Reads a response body up to a byte cap, keeping exactly the first <c>cap</c> bytes of a longer body.</summary>
internal static class BoundedBody
{
    private const int ChunkSize = 81920;

    /// <summary>Reads at most <paramref name="cap"/> bytes; stops as soon as the body is known to be longer.</summary>
    internal static async Task<(byte[] Body, bool OverCap)> ReadAsync(HttpContent? content, long cap, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return ([], false);
        }

        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var kept = new MemoryStream();
            byte[] chunk = new byte[ChunkSize];
            while (true)
            {
                int read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
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
}
