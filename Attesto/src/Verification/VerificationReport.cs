namespace Attesto;

/// <summary>The outcome of an offline check: <see cref="Ok"/> is true only when <see cref="Problems"/> is empty.</summary>
public class VerificationReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="problems">What failed; empty for a passing check.</param>
    public VerificationReport(IReadOnlyList<string> problems)
    {
        AttestoArguments.NotNull(problems, nameof(problems));
        Problems = problems;
    }

    /// <summary>Whether the check passed (no problems).</summary>
    public bool Ok => Problems.Count == 0;

    /// <summary>What failed, in the order found; empty when <see cref="Ok"/>.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>A one-line summary.</summary>
    /// <returns><c>ok</c> or the problems joined.</returns>
    public override string ToString() => Ok ? "ok" : "failed: " + string.Join("; ", Problems);
}
