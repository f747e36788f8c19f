using System.Diagnostics;

namespace Fuzz.Harness;

/// <summary>
/// Runs inputs through a target in-process, without AFL: what CI does with the seeds and the
/// saved regression inputs, and what <c>--replay</c> does with a crash file. Each input runs on
/// its own thread and must finish within the time limit (1 s by default); a slower one is a hang.
/// </summary>
public static class Replayer
{
    /// <summary>The per-input limit: over it an input is a hang.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(30);

    /// <summary>Replays every input through <paramref name="target"/>.</summary>
    /// <param name="target">The target.</param>
    /// <param name="inputs">The inputs.</param>
    /// <param name="timeLimit">The per-input limit; default <see cref="DefaultTimeLimit"/>.</param>
    /// <returns>One result per input, in order.</returns>
    public static IReadOnlyList<ReplayResult> Replay(FuzzTarget target, IEnumerable<FuzzInput> inputs, TimeSpan? timeLimit = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(inputs);
        List<FuzzInput> list = inputs.ToList();
        var results = new List<ReplayResult>(list.Count);
        if (list.Count == 0)
        {
            return results;
        }

        // One untimed pass over the first input pays for JIT, static set-up and key loading, so the
        // limit measures the input's own cost. A first input that is really slow still fails below.
        if (RunOne(target, list[0], WarmUpLimit) is { Outcome: ReplayOutcome.Hang } warmUpHang)
        {
            results.Add(warmUpHang);
            return results;
        }

        foreach (FuzzInput input in list)
        {
            results.Add(RunOne(target, input, timeLimit ?? DefaultTimeLimit));
        }

        return results;
    }

    /// <summary>The seeds of a target followed by its saved regression inputs.</summary>
    /// <param name="target">The target.</param>
    /// <param name="seeds">The vector reader.</param>
    /// <param name="cancellationToken">Cancels building the seeds.</param>
    /// <returns>The inputs.</returns>
    public static async Task<IReadOnlyList<FuzzInput>> SeedsAndRegressionsAsync(FuzzTarget target, Seeds seeds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(seeds);
        IReadOnlyList<FuzzInput> seedInputs = await target.SeedInputsAsync(seeds, cancellationToken);
        return [.. seedInputs, .. ReadFiles([RepoPaths.Regressions(target.Name)])];
    }

    /// <summary>Reads input files: each path is a file or a folder (its files, not recursive, sorted; a missing folder gives none).</summary>
    /// <param name="paths">Files and folders.</param>
    /// <returns>The inputs, named by path.</returns>
    public static IEnumerable<FuzzInput> ReadFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (string file in Directory.GetFiles(path).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
                {
                    yield return new FuzzInput(file, File.ReadAllBytes(file));
                }
            }
            else if (File.Exists(path))
            {
                yield return new FuzzInput(path, File.ReadAllBytes(path));
            }
        }
    }

    private static ReplayResult RunOne(FuzzTarget target, FuzzInput input, TimeSpan limit)
    {
        ReplayOutcome outcome = ReplayOutcome.Hang;
        Exception? crash = null;
        var watch = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            try
            {
                outcome = target.Run(input.Data) ? ReplayOutcome.Accepted : ReplayOutcome.Rejected;
            }
            catch (Exception ex)
            {
                crash = ex;
                outcome = ReplayOutcome.Crash;
            }
        })
        {
            IsBackground = true,
            Name = "fuzz-replay " + target.Name,
        };
        thread.Start();
        bool finished = thread.Join(limit);
        watch.Stop();
        return finished
            ? new ReplayResult(input, outcome, watch.Elapsed, crash)
            : new ReplayResult(input, ReplayOutcome.Hang, limit, null);
    }
}
