using Fuzz.Harness;

namespace Fuzz;

/// <summary>
/// The fuzz driver.
/// <list type="bullet">
/// <item><c>Fuzz &lt;target&gt;</c>: the AFL++ loop (SharpFuzz out-of-process; run by build/fuzz.sh over instrumented SDK assemblies).</item>
/// <item><c>Fuzz --replay &lt;target&gt; [file-or-dir...]</c>: runs inputs in-process and reports (no paths: the seeds and the saved regressions).</item>
/// <item><c>Fuzz --write-seeds &lt;target&gt; &lt;dir&gt;</c>: writes the target's seeds as files (for afl-fuzz -i).</item>
/// <item><c>Fuzz --list</c>: the targets.</item>
/// </list>
/// Exit codes: 0 fine, 1 a crash or hang in replay, 2 bad usage.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "--list")
        {
            foreach (FuzzTarget target in TargetRegistry.All)
            {
                Console.WriteLine($"{target.Name,-28} {target.Description}");
            }

            return 0;
        }

        if (args.Length >= 2 && args[0] == "--replay" && Find(args[1]) is { } replayed)
        {
            return await ReplayAsync(replayed, args[2..]);
        }

        if (args.Length == 3 && args[0] == "--write-seeds" && Find(args[1]) is { } seeded)
        {
            IReadOnlyList<FuzzInput> seeds = await seeded.SeedInputsAsync(new Seeds());
            Directory.CreateDirectory(args[2]);
            for (int i = 0; i < seeds.Count; i++)
            {
                await File.WriteAllBytesAsync(Path.Combine(args[2], $"seed-{i:D3}"), seeds[i].Data);
            }

            Console.WriteLine($"{seeded.Name}: wrote {seeds.Count} seeds to {args[2]}");
            return 0;
        }

        if (args.Length == 1 && TargetRegistry.Names.Contains(args[0]))
        {
            // No SDK code may run before SharpFuzz sets up the coverage map: the target is created inside the loop.
            string name = args[0];
            FuzzTarget? fuzzed = null;
            SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
            {
                fuzzed ??= TargetRegistry.Create(name)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                fuzzed.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            });
            return 0;
        }

        Console.Error.WriteLine("usage: Fuzz <target> | --replay <target> [file-or-dir...] | --write-seeds <target> <dir> | --list");
        return 2;
    }

    private static FuzzTarget? Find(string name)
    {
        FuzzTarget? target = TargetRegistry.Find(name);
        if (target is null)
        {
            Console.Error.WriteLine($"unknown target '{name}'; known: {string.Join(", ", TargetRegistry.Names)}");
        }

        return target;
    }

    private static async Task<int> ReplayAsync(FuzzTarget target, string[] paths)
    {
        IReadOnlyList<FuzzInput> inputs = paths.Length == 0
            ? await Replayer.SeedsAndRegressionsAsync(target, new Seeds())
            : Replayer.ReadFiles(paths).ToList();
        IReadOnlyList<ReplayResult> results = Replayer.Replay(target, inputs);
        foreach (ReplayResult result in results)
        {
            Console.WriteLine(result);
        }

        int failures = results.Count(r => r.IsFailure);
        Console.WriteLine(
            $"{target.Name}: {results.Count} inputs, {results.Count(r => r.Outcome == ReplayOutcome.Accepted)} accepted, " +
            $"{results.Count(r => r.Outcome == ReplayOutcome.Rejected)} rejected, {results.Count(r => r.Outcome == ReplayOutcome.Crash)} crashes, " +
            $"{results.Count(r => r.Outcome == ReplayOutcome.Hang)} hangs");
        return failures == 0 ? 0 : 1;
    }
}
