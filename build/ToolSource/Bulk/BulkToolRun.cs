using System.Diagnostics;
using Newtonsoft.Json;
using Shared.Crypto;

namespace Tools;

/// <summary>
/// The many-inputs mode shared by the verifier tools: resolve the inputs, verify them on
/// <c>--jobs</c> workers in input order, print one line (or one JSON object) per input and a
/// summary, and return 0 when every input verified, 1 when any failed, 2 when any was unreadable.
/// </summary>
internal static class BulkToolRun
{
    /// <summary>The options every bulk-capable tool accepts besides its own.</summary>
    internal static readonly string[] ValueOptions = ["--jobs"];

    /// <summary>The switches every bulk-capable tool accepts besides its own.</summary>
    internal static readonly string[] FlagOptions = ["--recursive", "--ndjson", "--quiet"];

    /// <summary>Whether the command line asks for the many-inputs mode.</summary>
    internal static bool IsBulk(CommandLine command) =>
        command.Positional.Count != 1
        || command.Has("--ndjson") || command.Has("--recursive") || command.Get("--jobs") is not null
        || (command.Positional[0] != "-" && Directory.Exists(command.Positional[0]))
        || command.Positional[0].EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
        || command.Positional[0].EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>--jobs</c> value (default: one per processor).</summary>
    internal static int Jobs(CommandLine command)
    {
        if (command.Get("--jobs") is null)
        {
            return Environment.ProcessorCount;
        }

        long jobs = command.RequireInt64("--jobs");
        return jobs is >= 1 and <= 1024 ? (int)jobs : throw new UsageException("--jobs must be between 1 and 1024");
    }

    /// <summary>Runs the inputs, read as text, through <paramref name="verify"/> (which must not throw for a bad document).</summary>
    internal static Task<int> RunAsync(
        CommandLine command, Func<ToolInput, ToolOutcome> verify, TextReader stdin, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal, CancellationToken cancellationToken = default) =>
        RunAsync(command, verify, (paths, recursive, ndjson) => InputSources.Resolve(paths, recursive, ndjson, stdin), stdout, stderr, stderrIsTerminal, cancellationToken);

    /// <summary>
    /// Runs the inputs, read as their exact bytes (<see cref="ToolInput.Bytes"/>; at most
    /// <paramref name="maxDocumentBytes"/> each), through <paramref name="verify"/> (which must
    /// not throw for a bad document).
    /// </summary>
    internal static Task<int> RunRawAsync(
        CommandLine command, Func<ToolInput, ToolOutcome> verify, Func<Stream> stdin, int maxDocumentBytes, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal, CancellationToken cancellationToken = default) =>
        RunAsync(command, verify, (paths, recursive, ndjson) => InputSources.ResolveRaw(paths, recursive, ndjson, stdin, maxDocumentBytes), stdout, stderr, stderrIsTerminal, cancellationToken);

    private static async Task<int> RunAsync(
        CommandLine command, Func<ToolInput, ToolOutcome> verify, Func<IReadOnlyList<string>, bool, bool, InputSources> resolve, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal, CancellationToken cancellationToken)
    {
        if (command.Positional.Count == 0)
        {
            throw new UsageException("at least one input (file, directory, NDJSON file, or - for standard input) is required");
        }

        int jobs = Jobs(command);
        bool json = command.Has("--json");
        InputSources sources = resolve(command.Positional, command.Has("--recursive"), command.Has("--ndjson"));
        if (sources.IsEmpty)
        {
            throw new UsageException("no inputs found (a directory holds .json, .ndjson or .jsonl files; use --recursive for subdirectories)");
        }

        ProgressLine? progress = stderrIsTerminal && !command.Has("--quiet") ? new ProgressLine(stderr) : null;
        var options = new BulkOptions { MaxDegreeOfParallelism = jobs, Progress = progress, TotalCount = sources.Total, ProgressInterval = TimeSpan.FromMilliseconds(200) };
        var summary = new BulkSummary();
        var clock = Stopwatch.StartNew();
        await foreach (BulkResult<ToolOutcome> result in BulkRunner.RunAsync(sources.Documents(), input => input.ReadError is null ? verify(input) : ToolOutcome.ReadFailure(input), options, cancellationToken).ConfigureAwait(false))
        {
            ToolOutcome outcome = result.Succeeded ? result.Value! : ToolOutcome.Failure($"#{result.Index}", "error", result.Error.Message, result.Error.Message);
            summary.Add(outcome, result.Elapsed);
            if (json)
            {
                var line = new Newtonsoft.Json.Linq.JObject { ["input"] = outcome.Name };
                line.Merge(outcome.ToJson());
                stdout.WriteLine(line.ToString(Formatting.None));
            }
            else
            {
                stdout.WriteLine($"{(outcome.Valid ? "VALID  " : outcome.Category == ToolOutcome.Unreadable ? "ERROR  " : "INVALID")}  {outcome.Name}  {outcome.Line}");
            }
        }

        clock.Stop();
        progress?.Clear();
        if (json)
        {
            stdout.WriteLine(summary.ToJson(clock.Elapsed, jobs).ToString(Formatting.None));
        }
        else
        {
            summary.WriteText(stdout, clock.Elapsed, jobs);
        }

        stdout.Flush();
        return summary.ExitCode;
    }
}
