namespace Tools;

/// <summary>
/// Turns the tool's positional arguments into a lazy stream of documents: files, directories
/// (their <c>.json</c>, <c>.ndjson</c> and <c>.jsonl</c> files, in ordinal name order, recursively
/// with <c>--recursive</c>) and NDJSON (one document per non-blank line; files ending in
/// <c>.ndjson</c>/<c>.jsonl</c>, or every input with <c>--ndjson</c>; <c>-</c> is standard input).
/// A file that cannot be read becomes one input carrying the error; the stream goes on.
/// Documents are read as text, or, for a check that must see them exactly as stored (the chain
/// check), as raw bytes (<see cref="ResolveRaw"/>): whole files and NDJSON lines split on
/// <c>\n</c> (a <c>\r</c> before it dropped), each cut at a byte limit.
/// </summary>
internal sealed class InputSources
{
    private static readonly string[] Extensions = [".json", ".ndjson", ".jsonl"];

    private readonly List<string> _files = [];
    private readonly bool _ndjson;
    private readonly TextReader _stdin;
    private readonly Func<Stream>? _rawStdin;
    private readonly int _maxDocumentBytes;

    private InputSources(bool ndjson, TextReader stdin, Func<Stream>? rawStdin, int maxDocumentBytes)
    {
        _ndjson = ndjson;
        _stdin = stdin;
        _rawStdin = rawStdin;
        _maxDocumentBytes = maxDocumentBytes;
    }

    /// <summary>The number of documents when known up front (no NDJSON source), else null.</summary>
    internal long? Total { get; private set; }

    /// <summary>Resolves the arguments (directories are listed now; files are read lazily as text).</summary>
    internal static InputSources Resolve(IReadOnlyList<string> paths, bool recursive, bool ndjson, TextReader stdin) =>
        Resolve(new InputSources(ndjson, stdin, null, 0), paths, recursive);

    /// <summary>Resolves the arguments; the documents are read as raw bytes, at most <paramref name="maxDocumentBytes"/> each (a longer one is cut there).</summary>
    internal static InputSources ResolveRaw(IReadOnlyList<string> paths, bool recursive, bool ndjson, Func<Stream> stdin, int maxDocumentBytes) =>
        Resolve(new InputSources(ndjson, TextReader.Null, stdin, maxDocumentBytes), paths, recursive);

    private static InputSources Resolve(InputSources sources, IReadOnlyList<string> paths, bool recursive)
    {
        if (paths.Count(p => p == "-") > 1)
        {
            throw new UsageException("standard input (-) can be given only once");
        }

        foreach (string path in paths)
        {
            if (path != "-" && Directory.Exists(path))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = recursive, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.None, MatchType = MatchType.Simple };
                var found = Directory.EnumerateFiles(path, "*", options)
                    .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    .Order(StringComparer.Ordinal);
                sources._files.AddRange(found);
            }
            else
            {
                sources._files.Add(path);
            }
        }

        bool anyNdjson = sources._files.Any(sources.IsNdjson);
        sources.Total = anyNdjson ? null : sources._files.Count;
        return sources;
    }

    /// <summary>Whether nothing at all was found (an empty directory, say).</summary>
    internal bool IsEmpty => _files.Count == 0;

    /// <summary>The documents, read lazily in order.</summary>
    internal IEnumerable<ToolInput> Documents()
    {
        foreach (string file in _files)
        {
            if (IsNdjson(file))
            {
                foreach (ToolInput line in _rawStdin is null ? Lines(file) : RawLines(file))
                {
                    yield return line;
                }
            }
            else
            {
                yield return _rawStdin is null ? ReadWhole(file) : ReadWholeRaw(file);
            }
        }
    }

    private bool IsNdjson(string path) =>
        _ndjson || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    private ToolInput ReadWhole(string path)
    {
        try
        {
            return new ToolInput(path, path == "-" ? _stdin.ReadToEnd() : File.ReadAllText(path), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ToolInput(path, null, ex.Message);
        }
    }

    private IEnumerable<ToolInput> Lines(string path)
    {
        TextReader? reader = null;
        string? openError = null;
        try
        {
            reader = path == "-" ? _stdin : new StreamReader(path, new FileStreamOptions { Access = FileAccess.Read, Options = FileOptions.SequentialScan, BufferSize = 1 << 16 });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            openError = ex.Message;
        }

        if (reader is null)
        {
            yield return new ToolInput(path, null, openError);
            yield break;
        }

        try
        {
            long number = 0;
            while (true)
            {
                string? line;
                string? readError = null;
                try
                {
                    line = reader.ReadLine();
                }
                catch (IOException ex)
                {
                    line = null;
                    readError = ex.Message;
                }

                if (readError is not null)
                {
                    yield return new ToolInput($"{path}:{number + 1}", null, readError);
                    yield break;
                }

                if (line is null)
                {
                    yield break;
                }

                number++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    yield return new ToolInput($"{path}:{number}", line, null);
                }
            }
        }
        finally
        {
            if (!ReferenceEquals(reader, _stdin))
            {
                reader.Dispose();
            }
        }
    }

    private ToolInput ReadWholeRaw(string path)
    {
        try
        {
            using Stream stream = path == "-" ? _rawStdin!() : File.OpenRead(path);
            return ToolInput.FromBytes(path, BoundedRead.ReadAll(stream, _maxDocumentBytes));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ToolInput(path, null, ex.Message);
        }
    }

    private IEnumerable<ToolInput> RawLines(string path)
    {
        Stream? stream = null;
        string? openError = null;
        try
        {
            stream = path == "-" ? _rawStdin!() : new FileStream(path, new FileStreamOptions { Access = FileAccess.Read, Options = FileOptions.SequentialScan, BufferSize = 0 });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            openError = ex.Message;
        }

        if (stream is null)
        {
            yield return new ToolInput(path, null, openError);
            yield break;
        }

        try
        {
            byte[] chunk = new byte[1 << 16];
            var line = new MemoryStream();
            long number = 0;
            while (true)
            {
                int read;
                string? readError = null;
                try
                {
                    read = stream.Read(chunk, 0, chunk.Length);
                }
                catch (IOException ex)
                {
                    read = 0;
                    readError = ex.Message;
                }

                if (readError is not null)
                {
                    yield return new ToolInput($"{path}:{number + 1}", null, readError);
                    yield break;
                }

                if (read == 0)
                {
                    if (line.Length > 0 && !IsBlank(line))
                    {
                        yield return ToolInput.FromBytes($"{path}:{number + 1}", line.ToArray());
                    }

                    yield break;
                }

                int start = 0;
                while (start < read)
                {
                    int newline = Array.IndexOf(chunk, (byte)'\n', start, read - start);
                    int end = newline < 0 ? read : newline;
                    line.Write(chunk, start, (int)Math.Min(end - start, Math.Max(0, _maxDocumentBytes - line.Length)));
                    if (newline < 0)
                    {
                        break;
                    }

                    number++;
                    if (line.Length > 0 && line.GetBuffer()[line.Length - 1] == (byte)'\r' && line.Length <= _maxDocumentBytes - 1)
                    {
                        line.SetLength(line.Length - 1);
                    }

                    if (!IsBlank(line))
                    {
                        yield return ToolInput.FromBytes($"{path}:{number}", line.ToArray());
                    }

                    line.SetLength(0);
                    start = newline + 1;
                }
            }
        }
        finally
        {
            stream.Dispose();
        }
    }

    /// <summary>Whether a line holds only ASCII whitespace (skipped, as blank text lines are).</summary>
    private static bool IsBlank(MemoryStream line)
    {
        foreach (byte b in line.GetBuffer().AsSpan(0, (int)line.Length))
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or 0x0B or 0x0C))
            {
                return false;
            }
        }

        return true;
    }
}
