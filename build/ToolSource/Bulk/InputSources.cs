namespace Tools;

/// <summary>
/// Turns the tool's positional arguments into a lazy stream of documents: files, directories
/// (their <c>.json</c>, <c>.ndjson</c> and <c>.jsonl</c> files, in ordinal name order, recursively
/// with <c>--recursive</c>) and NDJSON (one document per non-blank line; files ending in
/// <c>.ndjson</c>/<c>.jsonl</c>, or every input with <c>--ndjson</c>; <c>-</c> is standard input).
/// A file that cannot be read becomes one input carrying the error; the stream goes on.
/// </summary>
internal sealed class InputSources
{
    private static readonly string[] Extensions = [".json", ".ndjson", ".jsonl"];

    private readonly List<string> _files = [];
    private readonly bool _ndjson;
    private readonly TextReader _stdin;

    private InputSources(bool ndjson, TextReader stdin)
    {
        _ndjson = ndjson;
        _stdin = stdin;
    }

    /// <summary>The number of documents when known up front (no NDJSON source), else null.</summary>
    internal long? Total { get; private set; }

    /// <summary>Resolves the arguments (directories are listed now; files are read lazily).</summary>
    internal static InputSources Resolve(IReadOnlyList<string> paths, bool recursive, bool ndjson, TextReader stdin)
    {
        var sources = new InputSources(ndjson, stdin);
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
                foreach (ToolInput line in Lines(file))
                {
                    yield return line;
                }
            }
            else
            {
                yield return ReadWhole(file);
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
}
