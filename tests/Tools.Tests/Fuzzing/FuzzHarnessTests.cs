using Fuzz.Harness;

namespace Tools.Tests.Fuzzing;

/// <summary>The replay can fail: undocumented exceptions, broken properties and hangs are reported.</summary>
public class FuzzHarnessTests
{
    private static readonly FuzzInput Input = FuzzInput.Text("x", "{}");

    private static ReplayResult ReplayOne(FuzzAction action, params Type[] documented) =>
        Replayer.Replay(new DelegateTarget("delegate", documented, action), [Input]).Single();

    [Test]
    public void A_null_reference_is_a_crash()
    {
        ReplayResult result = ReplayOne(_ => throw new NullReferenceException("boom"), typeof(ArgumentException));
        Assert.That(result.Outcome, Is.EqualTo(ReplayOutcome.Crash));
        Assert.That(result.IsFailure, Is.True);
        Assert.That(result.Exception, Is.TypeOf<NullReferenceException>());
        Assert.That(result.ToString(), Does.StartWith("CRASH").And.Contain("boom"));
    }

    [Test]
    public void An_undocumented_exception_type_is_a_crash_even_beside_documented_ones()
    {
        Assert.That(ReplayOne(_ => throw new InvalidOperationException(), typeof(ArgumentException)).Outcome, Is.EqualTo(ReplayOutcome.Crash));
        Assert.That(ReplayOne(_ => throw new IndexOutOfRangeException(), typeof(ArgumentException)).Outcome, Is.EqualTo(ReplayOutcome.Crash));
    }

    [Test]
    public void A_documented_exception_or_a_subclass_is_a_rejection()
    {
        Assert.That(ReplayOne(_ => throw new ArgumentException("bad"), typeof(ArgumentException)).Outcome, Is.EqualTo(ReplayOutcome.Rejected));
        Assert.That(ReplayOne(_ => throw new ArgumentNullException("x"), typeof(ArgumentException)).Outcome, Is.EqualTo(ReplayOutcome.Rejected));
        Assert.That(ReplayOne(_ => { }, typeof(ArgumentException)).Outcome, Is.EqualTo(ReplayOutcome.Accepted));
    }

    [Test]
    public void A_broken_property_is_a_crash_whatever_the_documented_list_says()
    {
        ReplayResult result = ReplayOne(_ => FuzzPropertyException.Check(false, "round trip changed"), typeof(Exception));
        Assert.That(result.Outcome, Is.EqualTo(ReplayOutcome.Crash));
        Assert.That(result.Exception!.Message, Is.EqualTo("round trip changed"));
    }

    [Test]
    public void An_input_over_the_time_limit_is_a_hang()
    {
        using var release = new ManualResetEventSlim();
        var target = new DelegateTarget("delegate", [], input =>
        {
            if (input.Length == 4)
            {
                release.Wait(TimeSpan.FromSeconds(10));
            }
        });

        IReadOnlyList<ReplayResult> results = Replayer.Replay(target, [FuzzInput.Text("fast", "{}"), FuzzInput.Text("slow", "hang")], TimeSpan.FromMilliseconds(200));
        release.Set();

        Assert.That(results.Select(r => r.Outcome), Is.EqualTo(new[] { ReplayOutcome.Accepted, ReplayOutcome.Hang }));
        Assert.That(results[1].ToString(), Does.StartWith("HANG").And.Contain("slow"));
    }

    [Test]
    public void Regression_files_are_read_from_files_and_folders_and_a_missing_folder_gives_none()
    {
        string dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"fuzz-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "b"), "2");
        File.WriteAllText(Path.Combine(dir, "a"), "1");
        File.WriteAllText(Path.Combine(dir, ".hidden"), "3");

        var inputs = Replayer.ReadFiles([dir, Path.Combine(dir, "a"), Path.Combine(dir, "missing")]).ToList();

        Assert.That(inputs.Select(i => Path.GetFileName(i.Name)), Is.EqualTo(new[] { "a", "b", "a" }));
        Assert.That(inputs[1].Data, Is.EqualTo("2"u8.ToArray()));
    }
}
