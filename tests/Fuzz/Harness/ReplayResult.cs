namespace Fuzz.Harness;

/// <summary>The outcome of one replayed input.</summary>
/// <param name="Input">The input.</param>
/// <param name="Outcome">What it did.</param>
/// <param name="Elapsed">How long it ran (up to the time limit for a hang).</param>
/// <param name="Exception">The escaping exception of a crash, else null.</param>
public sealed record ReplayResult(FuzzInput Input, ReplayOutcome Outcome, TimeSpan Elapsed, Exception? Exception)
{
    /// <summary>Whether this is a bug (a crash or a hang).</summary>
    public bool IsFailure => Outcome is ReplayOutcome.Crash or ReplayOutcome.Hang;

    /// <summary>One line for a report.</summary>
    /// <returns>The outcome, time and input name, with the exception for a crash.</returns>
    public override string ToString() => Outcome switch
    {
        ReplayOutcome.Crash => $"CRASH  {Input.Name} ({Elapsed.TotalMilliseconds:F0} ms): {Exception}",
        ReplayOutcome.Hang => $"HANG   {Input.Name} (over {Elapsed.TotalMilliseconds:F0} ms)",
        _ => $"{Outcome,-8}{Input.Name} ({Elapsed.TotalMilliseconds:F0} ms)",
    };
}
