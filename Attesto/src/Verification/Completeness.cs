using Shared.Telemetry;
using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>
/// Offline completeness check (spec §11): the events must cover every sequence number of the
/// closed range exactly once, and each event's previous hash must equal the prior event's
/// <c>event_hash</c>. Input order does not matter. The first event's previous hash is not
/// checked (nothing before it is supplied). Pure and thread-safe.
/// </summary>
public static partial class Completeness
{
    private const int MaxListedMissing = 1000;

    /// <summary>Verifies completeness of typed events.</summary>
    /// <param name="events">The events.</param>
    /// <param name="fromSeqNo">The first sequence number of the range.</param>
    /// <param name="toSeqNo">The last sequence number of the range (inclusive).</param>
    /// <returns>The report naming missing sequence numbers, duplicates, strays and broken links.</returns>
    public static CompletenessReport Verify(IEnumerable<ChainEvent> events, long fromSeqNo, long toSeqNo) =>
        Observed(events, fromSeqNo, toSeqNo, static (typed, from, to) => VerifyCore(typed, from, to));

    private static CompletenessReport VerifyCore(IEnumerable<ChainEvent> events, long fromSeqNo, long toSeqNo)
    {
        AttestoArguments.NotNull(events, nameof(events));
        var problems = new List<string>();
        if (fromSeqNo > toSeqNo || fromSeqNo < 0 || toSeqNo == long.MaxValue)
        {
            problems.Add($"invalid range: from_seq_no {fromSeqNo}, to_seq_no {toSeqNo} (need 0 <= from <= to < {long.MaxValue})");
            return new CompletenessReport(problems, []);
        }

        var bySeq = new SortedDictionary<long, ChainEvent>();
        foreach (ChainEvent? item in events)
        {
            if (item is null)
            {
                problems.Add("null event");
                continue;
            }

            if (item.SeqNo < fromSeqNo || item.SeqNo > toSeqNo)
            {
                problems.Add($"seq_no {item.SeqNo} is outside the range {fromSeqNo}..{toSeqNo}");
                continue;
            }

            if (!bySeq.TryAdd(item.SeqNo, item))
            {
                problems.Add($"duplicate seq_no {item.SeqNo}");
            }
        }

        List<long> missing = FindMissing(bySeq.Keys, fromSeqNo, toSeqNo, out long missingCount);
        if (missingCount > 0)
        {
            string listed = string.Join(", ", missing);
            problems.Add(missingCount > missing.Count ? $"missing seq_no {listed}, … ({missingCount} in total)" : $"missing seq_no {listed}");
        }

        ChainEvent? prior = null;
        foreach (ChainEvent current in bySeq.Values)
        {
            if (prior is not null && current.SeqNo == prior.SeqNo + 1 && !Proofs.SameHash(current.PreviousEventHash, prior.EventHash))
            {
                problems.Add($"broken link at seq_no {current.SeqNo}: previous event hash does not equal event_hash of seq_no {prior.SeqNo}");
            }

            prior = current;
        }

        return new CompletenessReport(problems, missing);
    }

    /// <summary>
    /// Verifies completeness of events given as JSON objects (<c>seq_no</c>, <c>event_hash</c>,
    /// <c>prev_event_hash</c> or <c>previous_event_hash</c>); a malformed event fails the report.
    /// </summary>
    /// <param name="events">A JSON list of event objects.</param>
    /// <param name="fromSeqNo">The first sequence number of the range.</param>
    /// <param name="toSeqNo">The last sequence number of the range (inclusive).</param>
    /// <returns>The report.</returns>
    public static CompletenessReport Verify(JToken events, long fromSeqNo, long toSeqNo) =>
        Observed(events, fromSeqNo, toSeqNo, static (json, from, to) => VerifyJson(json, from, to));

    /// <summary>Runs a check inside an <c>Attesto.VerifyCompleteness</c> span (free when nothing listens).</summary>
    private static CompletenessReport Observed<TEvents>(TEvents events, long fromSeqNo, long toSeqNo, Func<TEvents, long, long, CompletenessReport> check)
    {
        using VerificationScope? span = AttestoTelemetry.Instance.StartVerification("Attesto.VerifyCompleteness", "completeness");
        try
        {
            CompletenessReport report = check(events, fromSeqNo, toSeqNo);
            span?.Complete(report.Ok, VerificationReasons.Completeness(report));
            return report;
        }
        catch (Exception ex) when (VerificationScope.Fail(span, ex))
        {
            throw;
        }
    }

    private static CompletenessReport VerifyJson(JToken events, long fromSeqNo, long toSeqNo)
    {
        if (events is not JArray array)
        {
            return new CompletenessReport(["events must be a JSON list"], []);
        }

        var parsed = new List<ChainEvent>(array.Count);
        var malformed = new List<string>();
        for (int i = 0; i < array.Count; i++)
        {
            if (ChainEvent.TryFromJson(array[i], out ChainEvent? item))
            {
                parsed.Add(item);
            }
            else
            {
                malformed.Add($"event [{i}] is malformed (needs seq_no and event_hash)");
            }
        }

        CompletenessReport report = VerifyCore(parsed, fromSeqNo, toSeqNo);
        return malformed.Count == 0 ? report : new CompletenessReport([.. malformed, .. report.Problems], report.MissingSeqNos);
    }

    private static List<long> FindMissing(IEnumerable<long> present, long from, long to, out long count)
    {
        var missing = new List<long>();
        count = 0;
        long expected = from;
        foreach (long seq in present.Append(to + 1))
        {
            for (long gap = expected; gap < seq; gap++)
            {
                count++;
                if (missing.Count < MaxListedMissing)
                {
                    missing.Add(gap);
                }
                else
                {
                    count += seq - gap - 1;
                    break;
                }
            }

            expected = seq + 1;
        }

        return missing;
    }
}
