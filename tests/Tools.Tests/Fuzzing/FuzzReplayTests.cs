using Fuzz.Harness;

namespace Tools.Tests.Fuzzing;

/// <summary>
/// CI's share of the fuzzing (FUZZING.md): every target replays its seeds (derived from
/// tests/vectors) and every saved input in tests/Fuzz/regressions/&lt;target&gt;/ in-process, each
/// within 1 s, with no crash. AFL itself never runs here.
/// </summary>
public class FuzzReplayTests
{
    private static IEnumerable<string> TargetNames => TargetRegistry.Names;

    [TestCaseSource(nameof(TargetNames))]
    public async Task Seeds_and_regression_inputs_replay_without_a_crash_or_hang(string name)
    {
        FuzzTarget target = TargetRegistry.Find(name)!;
        IReadOnlyList<FuzzInput> seeds = await target.SeedInputsAsync(new Seeds());
        Assert.That(seeds, Is.Not.Empty, "every target has seeds from the vectors");

        IReadOnlyList<FuzzInput> inputs = await Replayer.SeedsAndRegressionsAsync(target, new Seeds());
        IReadOnlyList<ReplayResult> results = Replayer.Replay(target, inputs);

        Assert.That(results, Has.Count.EqualTo(inputs.Count));
        Assert.That(results.Where(r => r.IsFailure).Select(r => r.ToString()), Is.Empty);
    }

    [Test]
    public void Every_seed_of_the_parsers_is_accepted_so_the_fuzzer_starts_inside_the_format()
    {
        foreach (string name in new[] { "attesto-receipt", "attesto-proofs", "nomyo-package", "nomyo-plaintext", "json-parse", "pem", "base64", "hex" })
        {
            FuzzTarget target = TargetRegistry.Find(name)!;
            IReadOnlyList<ReplayResult> results = Replayer.Replay(target, target.SeedInputs(new Seeds()));
            Assert.That(results.Where(r => r.Outcome != ReplayOutcome.Accepted).Select(r => r.ToString()), Is.Empty, name);
        }
    }

    [Test]
    public void Target_names_are_unique_and_every_regression_folder_belongs_to_a_target()
    {
        Assert.That(TargetRegistry.Names, Is.Unique);
        Assert.That(TargetRegistry.All.Select(t => t.Name), Is.EqualTo(TargetRegistry.Names), "each factory's name is its target's name");
        string regressions = Path.Combine(RepoPaths.Root, "tests", "Fuzz", "regressions");
        string[] folders = Directory.Exists(regressions) ? Directory.GetDirectories(regressions).Select(d => Path.GetFileName(d)!).ToArray() : [];
        Assert.That(folders, Is.SubsetOf(TargetRegistry.Names));
    }
}
