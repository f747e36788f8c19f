namespace Attesto;

/// <summary>The report of <see cref="VerifierBundle.Verify"/>: <c>{ok, kind, checked, problems}</c> as spec §3 describes.</summary>
public sealed class VerifierBundleReport : VerificationReport
{
    /// <summary>Creates the report.</summary>
    /// <param name="checkedItems">The checks that ran.</param>
    /// <param name="problems">What failed.</param>
    public VerifierBundleReport(IReadOnlyList<string> checkedItems, IReadOnlyList<string> problems)
        : base(problems)
    {
        Checked = checkedItems;
    }

    /// <summary>Always <c>bundle</c>.</summary>
    public string Kind => "bundle";

    /// <summary>The checks that ran, in order: <c>manifest_digest</c>, <c>receipt_signatures</c>, <c>stream_sequence</c>, <c>window_inclusion</c>, <c>checkpoint_consistency</c>, <c>witness_quorum</c>, <c>anchor_reference</c>.</summary>
    public IReadOnlyList<string> Checked { get; }
}
