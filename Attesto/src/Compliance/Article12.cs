using System.Globalization;
using System.Text;

namespace Attesto;

/// <summary>
/// A deterministic Markdown evidence report for a stream (upstream's <c>article12(...)</c>,
/// spec §17): what is recorded (counts per event type), the sequence range and its
/// completeness, checkpoint continuity and anchor status, how to verify independently, and a
/// fixed statement of what the report does not claim. It never asserts conformity. The same
/// evidence always renders the same text; no wall-clock time appears unless passed in.
/// </summary>
public static class Article12
{
    /// <summary>The fixed closing paragraph.</summary>
    public const string DoesNotClaim =
        "This report describes records held in an Attesto Proofstream and the results of checks that anyone "
        + "can repeat offline with the Attesto SDK. It does not claim, certify or imply conformity with the EU AI Act, "
        + "NIS2, GDPR or any other regulation or standard; it does not assess whether the recorded events are complete "
        + "with respect to the system's real activity, whether their contents are true, or whether the system is fit "
        + "for purpose. Those judgements belong to the provider, the deployer and the competent authorities.";

    /// <summary>Reads a stream's events and checkpoints and renders the report.</summary>
    /// <param name="reader">The stream reader (the v2 client).</param>
    /// <param name="streamId">The stream (<c>str_…</c>).</param>
    /// <param name="generatedAt">A generation time to print; null prints none (fully deterministic).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The Markdown text.</returns>
    public static async Task<string> RenderAsync(IAttestoStreamReader reader, string streamId, DateTimeOffset? generatedAt = null, CancellationToken cancellationToken = default)
    {
        AttestoArguments.NotNull(reader, nameof(reader));
        AttestoArguments.NotBlank(streamId, nameof(streamId));
        var events = new List<ChainEvent>();
        await foreach (ChainEvent item in reader.ReadStreamEventsAsync(streamId, cancellationToken).ConfigureAwait(false))
        {
            events.Add(item);
        }

        var checkpoints = new List<CheckpointRange>();
        await foreach (CheckpointRange item in reader.ReadCheckpointsAsync(streamId, cancellationToken).ConfigureAwait(false))
        {
            checkpoints.Add(item);
        }

        return Render(streamId, events, checkpoints, generatedAt);
    }

    /// <summary>Renders the report from evidence already in hand (pure).</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="events">The stream's events, in any order.</param>
    /// <param name="checkpoints">The stream's checkpoints, in any order.</param>
    /// <param name="generatedAt">A generation time to print; null prints none.</param>
    /// <returns>The Markdown text.</returns>
    public static string Render(string streamId, IReadOnlyCollection<ChainEvent> events, IReadOnlyCollection<CheckpointRange> checkpoints, DateTimeOffset? generatedAt = null)
    {
        AttestoArguments.NotBlank(streamId, nameof(streamId));
        AttestoArguments.NotNull(events, nameof(events));
        AttestoArguments.NotNull(checkpoints, nameof(checkpoints));
        var text = new StringBuilder();
        Line(text, FormattableString.Invariant($"# Evidence report (EU AI Act Article 12 record-keeping): stream `{Cell(streamId)}`"));
        Line(text);
        if (generatedAt is { } at)
        {
            Line(text, FormattableString.Invariant($"Generated at {at.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture)}."));
            Line(text);
        }

        WriteRecorded(text, events);
        WriteCompleteness(text, events);
        WriteCheckpoints(text, checkpoints);
        Line(text, "## How to verify independently");
        Line(text);
        Line(text, "- Receipts: `Receipts.Verify(receipt, signerPublicKeyHex)` checks each Ed25519 signature offline.");
        Line(text, "- Inclusion: `Proofs.VerifyInclusion(eventHash, proof, windowRoot)` folds each window proof.");
        Line(text, "- Checkpoints: `Proofs.VerifyCheckpointRoot` and `Proofs.VerifyCheckpointExtension` check roots and continuity.");
        Line(text, "- Completeness: `Completeness.Verify(events, from, to)` checks the hash chain has no gaps.");
        Line(text);
        Line(text, "## What this report does not claim");
        Line(text);
        Line(text, DoesNotClaim);
        return text.ToString();
    }

    private static void WriteRecorded(StringBuilder text, IReadOnlyCollection<ChainEvent> events)
    {
        Line(text, "## What is recorded");
        Line(text);
        Line(text, FormattableString.Invariant($"- Events: {events.Count}"));
        Line(text);
        if (events.Count == 0)
        {
            return;
        }

        Line(text, "| Event type | Count |");
        Line(text, "|---|---:|");
        foreach (IGrouping<string, ChainEvent> group in events.GroupBy(e => e.EventType ?? "(none)").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Line(text, FormattableString.Invariant($"| {Cell(group.Key)} | {group.Count()} |"));
        }

        Line(text);
    }

    private static void WriteCompleteness(StringBuilder text, IReadOnlyCollection<ChainEvent> events)
    {
        Line(text, "## Sequence range and completeness");
        Line(text);
        if (events.Count == 0)
        {
            Line(text, "- No events are recorded, so there is no sequence range to check.");
            Line(text);
            return;
        }

        long from = events.Min(e => e.SeqNo);
        long to = events.Max(e => e.SeqNo);
        CompletenessReport report = Completeness.Verify(events, from, to);
        Line(text, FormattableString.Invariant($"- Sequence numbers: {from} to {to}"));
        Line(text, report.Ok
            ? "- Completeness check: passed (every sequence number present once; each event links to its predecessor's hash)."
            : "- Completeness check: FAILED");
        foreach (string problem in report.Problems)
        {
            Line(text, FormattableString.Invariant($"  - {Cell(problem)}"));
        }

        Line(text);
    }

    private static void WriteCheckpoints(StringBuilder text, IReadOnlyCollection<CheckpointRange> checkpoints)
    {
        Line(text, "## Checkpoints and anchors");
        Line(text);
        Line(text, FormattableString.Invariant($"- Checkpoints: {checkpoints.Count}"));
        if (checkpoints.Count == 0)
        {
            Line(text);
            return;
        }

        List<CheckpointRange> ordered = [.. checkpoints.OrderBy(c => c.FromSeqNo).ThenBy(c => c.ToSeqNo).ThenBy(c => c.CheckpointId, StringComparer.Ordinal)];
        int confirmed = ordered.Count(c => c.AnchorStatus == "confirmed");
        Line(text, FormattableString.Invariant($"- Anchored on chain (status confirmed): {confirmed} of {ordered.Count}"));
        var breaks = new List<string>();
        for (int i = 1; i < ordered.Count; i++)
        {
            VerificationReport extension = Proofs.VerifyCheckpointExtension(ordered[i - 1], ordered[i]);
            breaks.AddRange(extension.Problems.Select(p => $"{ordered[i].CheckpointId ?? $"#{i}"}: {p}"));
        }

        Line(text, breaks.Count == 0 ? "- Checkpoint continuity: passed" : "- Checkpoint continuity: FAILED");
        foreach (string problem in breaks)
        {
            Line(text, FormattableString.Invariant($"  - {Cell(problem)}"));
        }

        Line(text);
        Line(text, "| Checkpoint | From | To | Anchor status |");
        Line(text, "|---|---:|---:|---|");
        foreach (CheckpointRange c in ordered)
        {
            Line(text, FormattableString.Invariant($"| {Cell(c.CheckpointId ?? "(unnamed)")} | {c.FromSeqNo} | {c.ToSeqNo} | {Cell(c.AnchorStatus ?? "unknown")} |"));
        }

        Line(text);
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
