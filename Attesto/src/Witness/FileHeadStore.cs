using System.Collections.Concurrent;
using System.Numerics;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// The default head store: a JSON file (by default <c>~/.attesto/heads.json</c>) shaped
/// <c>{"version":1,"heads":{"&lt;stream_id&gt;":{"seq_no":N,"event_hash":"&lt;hex&gt;"}}}</c>.
/// The directory is created with mode 0700 and the file with mode 0600 (Unix). Every update runs
/// under an exclusive lock file (<c>heads.json.lock</c>, an OS file lock), re-reads the file, and
/// writes a temporary file in the same directory that is flushed, fsync'ed and atomically renamed
/// over the old one, so a crash never leaves a truncated or empty file and several processes can
/// share it without losing an update. After the rename the directory itself is fsync'ed (Linux,
/// macOS), so a power loss cannot bring back an older head and silently rewind the witness.
/// An existing directory that group or others can write is refused (<see cref="AttestoException"/>):
/// another user could replace the heads file there. The default <c>~/.attesto</c> is created 0700;
/// for your own path, pick a directory only you can write (<c>chmod go-w</c>), not e.g. <c>/tmp</c>.
/// </summary>
public sealed class FileHeadStore : IHeadStore
{
    private const int FileVersion = 1;
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> ProcessLocks = new(StringComparer.Ordinal);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(2);

    private const UnixFileMode GroupOrOtherWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private readonly Action<FileStream>? _beforeCommit;
    private readonly Action<string> _syncDirectory;

    /// <summary>Uses the default file <c>~/.attesto/heads.json</c> (<c>%USERPROFILE%\.attesto\heads.json</c> on Windows).</summary>
    public FileHeadStore()
        : this(DefaultPath)
    {
    }

    /// <summary>Uses the given file.</summary>
    /// <param name="path">The heads file; its directory is created (mode 0700) when missing, and refused when it exists and group or others can write it.</param>
    public FileHeadStore(string path)
        : this(path, beforeCommit: null)
    {
    }

    /// <summary>
    /// Test seam: <paramref name="beforeCommit"/> runs on the written temporary file before it is
    /// committed; <paramref name="syncDirectory"/> replaces the directory fsync after the rename.
    /// </summary>
    internal FileHeadStore(string path, Action<FileStream>? beforeCommit, Action<string>? syncDirectory = null)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new AttestoValidationException("The heads file path must be a non-empty string.", nameof(path));
        }

        Path = System.IO.Path.GetFullPath(path);
        _beforeCommit = beforeCommit;
        _syncDirectory = syncDirectory ?? DirectorySync.Flush;
    }

    /// <summary>The default heads file: <c>.attesto/heads.json</c> in the user's home directory.</summary>
    public static string DefaultPath =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".attesto", "heads.json");

    /// <summary>The full path of the heads file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public async Task<StreamHead?> GetAsync(string streamId, CancellationToken cancellationToken = default)
    {
        HeadStoreArguments.CheckStreamId(streamId);
        Dictionary<string, StreamHead> heads = await LockedAsync(() => ReadAll(), cancellationToken).ConfigureAwait(false);
        return heads.TryGetValue(streamId, out StreamHead? head) ? head : null;
    }

    /// <inheritdoc />
    public Task<StreamHead> UpdateAsync(string streamId, Func<StreamHead?, StreamHead> update, CancellationToken cancellationToken = default)
    {
        HeadStoreArguments.CheckStreamId(streamId);
        AttestoArguments.NotNull(update, nameof(update));
        return LockedAsync(
            () =>
            {
                Dictionary<string, StreamHead> heads = ReadAll();
                StreamHead? current = heads.TryGetValue(streamId, out StreamHead? head) ? head : null;
                StreamHead next = HeadStoreArguments.CheckResult(update(current));
                if (next != current)
                {
                    heads[streamId] = next;
                    WriteAll(heads);
                }

                return next;
            },
            cancellationToken);
    }

    private async Task<T> LockedAsync<T>(Func<T> action, CancellationToken cancellationToken)
    {
        SemaphoreSlim processLock = ProcessLocks.GetOrAdd(Path, static _ => new SemaphoreSlim(1, 1));
        if (!await processLock.WaitAsync(LockTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new AttestoException($"Timed out after {LockTimeout.TotalSeconds:0} s waiting for the head store '{Path}'.");
        }

        try
        {
            EnsureDirectory();
            using FileStream lockFile = await AcquireFileLockAsync(cancellationToken).ConfigureAwait(false);
            return action();
        }
        finally
        {
            processLock.Release();
        }
    }

    private async Task<FileStream> AcquireFileLockAsync(CancellationToken cancellationToken)
    {
        string lockPath = Path + ".lock";
        long deadline = Environment.TickCount64 + (long)LockTimeout.TotalMilliseconds;
        while (true)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                return new FileStream(lockPath, options);
            }
            catch (IOException) when (Environment.TickCount64 < deadline)
            {
                // Another process holds the lock; wait briefly and try again.
                await Task.Delay(LockRetryDelay, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new AttestoException($"Timed out after {LockTimeout.TotalSeconds:0} s waiting for the lock file '{lockPath}'.", innerException: ex);
            }
        }
    }

    private void EnsureDirectory()
    {
        string directory = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (UnsafeDirectoryProblem(directory) is { } problem)
        {
            throw new AttestoException(problem);
        }
    }

    /// <summary>Why an existing head directory is refused (group or others can write it, Unix), or null when it is fine.</summary>
    internal static string? UnsafeDirectoryProblem(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        UnixFileMode mode = File.GetUnixFileMode(directory);
        return (mode & GroupOrOtherWrite) == 0
            ? null
            : $"The head store directory '{directory}' is writable by group or others (mode {Convert.ToString((int)mode & 0x1FF, 8)}): another user could replace the heads file and rewind the witness. "
                + "Remove that permission (chmod go-w) or keep the heads file in a directory only you can write.";
    }

    private Dictionary<string, StreamHead> ReadAll()
    {
        var heads = new Dictionary<string, StreamHead>(StringComparer.Ordinal);
        if (!File.Exists(Path))
        {
            return heads;
        }

        JToken root;
        try
        {
            root = CanonicalJson.Parse(File.ReadAllText(Path, Encoding.UTF8), AttestoCanonicalJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or CanonicalJsonException)
        {
            throw Corrupt("it is not valid JSON", ex);
        }

        if (root is not JObject file || Int64(file["version"]) != FileVersion)
        {
            throw Corrupt($"it is not a version {FileVersion} heads file");
        }

        if (file["heads"] is not JObject entries)
        {
            throw Corrupt("the 'heads' object is missing");
        }

        foreach (JProperty entry in entries.Properties())
        {
            if (entry.Value is not JObject head
                || Int64(head["seq_no"]) is not { } seqNo
                || seqNo < 0
                || head["event_hash"] is not JValue { Type: JTokenType.String } eventHash
                || !Hex.IsLowercaseHex((string?)eventHash, Hashes.DigestSize))
            {
                throw Corrupt($"the head of stream '{entry.Name}' is malformed");
            }

            heads[entry.Name] = new StreamHead(seqNo, (string)eventHash!);
        }

        return heads;
    }

    private void WriteAll(Dictionary<string, StreamHead> heads)
    {
        var entries = new JObject();
        foreach (var (streamId, head) in heads.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            entries[streamId] = new JObject { ["seq_no"] = head.SeqNo, ["event_hash"] = head.EventHash };
        }

        byte[] bytes = Encoding.UTF8.GetBytes(new JObject { ["version"] = FileVersion, ["heads"] = entries }.ToString(Formatting.Indented));
        string directory = System.IO.Path.GetDirectoryName(Path)!;
        string tempPattern = $".{System.IO.Path.GetFileName(Path)}.*.tmp";

        // Writers hold the lock while their temporary file exists, so any left over now belongs to a writer that crashed.
        foreach (string stale in Directory.EnumerateFiles(directory, tempPattern))
        {
            File.Delete(stale);
        }

        string temp = System.IO.Path.Combine(directory, tempPattern.Replace("*", Guid.NewGuid().ToString("N"), StringComparison.Ordinal));
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temp, options))
            {
                stream.Write(bytes);
                _beforeCommit?.Invoke(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        _syncDirectory(directory);
    }

    /// <summary>A JSON integer that fits in Int64; null for anything else (a string, a fraction, an integer beyond Int64).</summary>
    private static long? Int64(JToken? token) => token switch
    {
        JValue { Type: JTokenType.Integer, Value: long l } => l,
        JValue { Type: JTokenType.Integer, Value: int i } => i,
        JValue { Type: JTokenType.Integer, Value: BigInteger b } when b >= long.MinValue && b <= long.MaxValue => (long)b,
        _ => null,
    };

    private AttestoException Corrupt(string reason, Exception? inner = null) =>
        new($"The head store file '{Path}' is unusable: {reason}. Fix or remove it; the SDK will not guess the heads it witnessed.", innerException: inner);
}
