using System.Diagnostics;

namespace Fuzz.Harness;

/// <summary>
/// Runs inputs through a target in-process, without AFL: what CI does with the seeds and the
/// saved regression inputs, and what <c>--replay</c> does with a crash file. Each input runs on
/// its own thread and must finish within the time limit (1 s by default); a slower one is a hang
/// (a run that is slow but finishes within ten times the limit is retried up to three times, so
/// JIT warm-up and a loaded machine are not taken for a hang).
/// </summary>
public static class Replayer
{
    /// <summary>The per-input limit: over it an input is a hang.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(1);

    /// <summary>How much longer than the limit a first, cold run may take before it is a hang without a second try.</summary>
    private const int ColdRunFactor = 10;

    /// <summary>How many more runs a slow but finishing input gets.</summary>
    private const int MaxRetries = 3;

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

        foreach (FuzzInput input in list)
        {
            TimeSpan limit = timeLimit ?? DefaultTimeLimit;
            ReplayResult result = RunOne(target, input, limit, out Thread thread);
            for (int retry = 0; retry < MaxRetries && result.Outcome == ReplayOutcome.Hang && thread.Join(limit * ColdRunFactor); retry++)
            {
                // The first run of a code path pays for JIT and static set-up, and a machine shared
                // with other builds can stall any run (BouncyCastle's RSA key checks take most of a
                // second there). An input that did finish within ten times the limit is run again;
                // only an input that misses the limit every time is a hang. A real hang never
                // finishes, so it is reported after the first miss.
                result = RunOne(target, input, limit, out thread);
            }

            results.Add(result);
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

    private static ReplayResult RunOne(FuzzTarget target, FuzzInput input, TimeSpan limit, out Thread thread)
    {
        ReplayOutcome outcome = ReplayOutcome.Hang;
        Exception? crash = null;
        var watch = Stopwatch.StartNew();
        thread = new Thread(() =>
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
