
namespace Attesto;

/// <summary>
/// Turns a failed report's first problem into a fixed, data-free reason code for telemetry
/// (<c>attesto.verification.reason</c>): problem texts can carry sequence numbers, ids or hashes,
/// so they are matched against known prefixes and never recorded themselves.
/// </summary>
internal static class VerificationReasons
{
    private static readonly (string Prefix, string Code)[] ReceiptCodes =
    [
        (Receipts.UnsupportedAlg, "unsupported_alg"),
        (Receipts.MalformedSignature, "malformed_signature"),
        (Receipts.MalformedPublicKey, "malformed_public_key"),
        (Receipts.MalformedPayload, "malformed_payload"),
        (Receipts.SignatureMismatch, "signature_mismatch"),
        (Receipts.HashMismatch, "hash_mismatch"),
        (Receipts.MockReceipt, "mock_receipt"),
    ];

    private static readonly (string Prefix, string Code)[] CompletenessCodes =
    [
        ("invalid range", "invalid_range"),
        ("events must be a JSON list", "malformed_events"),
        ("event [", "malformed_event"),
        ("null event", "malformed_event"),
        ("seq_no ", "out_of_range"),
        ("duplicate seq_no", "duplicate"),
        ("missing seq_no", "missing"),
        ("broken link", "broken_link"),
    ];

    private static readonly (string Prefix, string Code)[] BundleCodes =
    [
        ("mock bundle", "mock_bundle"),
        ("bundle is malformed", "malformed"),
        ("bundle has no manifest", "malformed"),
        ("manifest", "manifest_digest"),
        ("artifact", "manifest_digest"),
        ("bundle hash mismatch", "bundle_hash_mismatch"),
        ("a checkpoint", "checkpoint_consistency"),
        ("a window", "window_inclusion"),
        ("receipt", "receipt_signatures"),
        ("window", "window_inclusion"),
        ("checkpoint", "checkpoint_consistency"),
        ("witness", "witness_quorum"),
        ("no trusted witness", "witness_quorum"),
        ("anchor", "anchor_reference"),
        ("stream", "stream_sequence"),
        ("seq", "stream_sequence"),
    ];

    /// <summary>The reason code of a receipt report (null when it passed).</summary>
    internal static string? Receipt(VerificationReport report) => Classify(report, ReceiptCodes);

    /// <summary>The reason code of a completeness report (null when it passed).</summary>
    internal static string? Completeness(VerificationReport report) => Classify(report, CompletenessCodes);

    /// <summary>The reason code of a bundle report: the check the first problem belongs to (null when it passed).</summary>
    internal static string? Bundle(VerificationReport report) => Classify(report, BundleCodes);

    private static string? Classify(VerificationReport report, (string Prefix, string Code)[] codes)
    {
        if (report.Ok)
        {
            return null;
        }

        string first = report.Problems[0];
        foreach ((string prefix, string code) in codes)
        {
            if (first.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return code;
            }
        }

        return "other";
    }
}
