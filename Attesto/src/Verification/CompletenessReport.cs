namespace Attesto;

/// <summary>The outcome of <see cref="Completeness.Verify(IEnumerable{ChainEvent}, long, long)"/>.</summary>
public sealed class CompletenessReport : VerificationReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="problems">What failed.</param>
    /// <param name="missingSeqNos">The sequence numbers in the range that no event covers (at most the first 1000).</param>
    public CompletenessReport(IReadOnlyList<string> problems, IReadOnlyList<long> missingSeqNos)
        : base(problems)
    {
        MissingSeqNos = missingSeqNos;
    }

    /// <summary>The sequence numbers in the range that no event covers (at most the first 1000).</summary>
    public IReadOnlyList<long> MissingSeqNos { get; }
}
