namespace Tools;

/// <summary>Reads a whole stream as bytes, at most a given number of bytes (the rest is never read).</summary>
internal static class BoundedRead
{
    /// <summary>The first <paramref name="limit"/> bytes of <paramref name="stream"/> (all of them when it is shorter).</summary>
    internal static byte[] ReadAll(Stream stream, int limit)
    {
        var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
