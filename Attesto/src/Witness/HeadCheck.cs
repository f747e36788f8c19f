namespace Attesto;

/// <summary>
/// The fork rules of spec §12: a first sighting is adopted, the next event must link to the
/// stored hash, a forward gap is accepted, a rewind or a different hash at a seen sequence number
/// is a fork, and the exact stored head again is a no-op.
/// </summary>
internal static class HeadCheck
{
    /// <summary>Classifies an incoming event against the stored head.</summary>
    /// <param name="stored">The stored head, or null for a stream never seen.</param>
    /// <param name="incoming">The incoming event.</param>
    /// <param name="reason">Why it is a fork; null otherwise.</param>
    internal static HeadCheckOutcome Check(StreamHead? stored, WitnessedEvent incoming, out string? reason)
    {
        reason = null;
        if (stored is null)
        {
            return HeadCheckOutcome.Advance;
        }

        if (incoming.SeqNo < stored.SeqNo)
        {
            reason = $"rewind: seq_no {incoming.SeqNo} is below the witnessed head seq_no {stored.SeqNo}";
            return HeadCheckOutcome.Fork;
        }

        if (incoming.SeqNo == stored.SeqNo)
        {
            if (SameHash(incoming.EventHash, stored.EventHash))
            {
                return HeadCheckOutcome.NoOp;
            }

            reason = $"seq_no {incoming.SeqNo} was witnessed with event_hash {stored.EventHash} and now arrives with {incoming.EventHash}";
            return HeadCheckOutcome.Fork;
        }

        if (incoming.SeqNo == stored.SeqNo + 1 && !SameHash(incoming.PreviousEventHash, stored.EventHash))
        {
            reason = incoming.PreviousEventHash is null
                ? $"seq_no {incoming.SeqNo} follows the witnessed head but carries no previous_event_hash to link it"
                : $"divergent lineage: seq_no {incoming.SeqNo} links to {incoming.PreviousEventHash}, the witnessed head is {stored.EventHash}";
            return HeadCheckOutcome.Fork;
        }

        return HeadCheckOutcome.Advance;
    }

    /// <summary>
    /// Applies a batch in seq order to a working copy of the head and returns the head to store;
    /// throws <see cref="AttestoForkDetectedException"/> on the first fork, before anything is stored.
    /// A replayed batch (for example an idempotent retry answered after the head already moved) is
    /// not a rewind when it contains the stored head itself and its earlier receipts link to it
    /// hash by hash: they are then the head's own signed ancestry and are skipped.
    /// </summary>
    internal static StreamHead Apply(string streamId, StreamHead? stored, IEnumerable<WitnessedEvent> events)
    {
        List<WitnessedEvent> ordered = events.OrderBy(e => e.SeqNo).ToList();
        HashSet<long> ancestry = AncestryOfHead(stored, ordered);
        StreamHead? working = stored;
        foreach (WitnessedEvent incoming in ordered.Where(e => !ancestry.Contains(e.SeqNo)))
        {
            switch (Check(working, incoming, out string? reason))
            {
                case HeadCheckOutcome.Advance:
                    working = new StreamHead(incoming.SeqNo, incoming.EventHash.ToLowerInvariant());
                    break;
                case HeadCheckOutcome.Fork:
                    throw new AttestoForkDetectedException(
                        $"Fork detected on stream '{streamId}': {reason}. The witnessed head was not advanced.",
                        streamId,
                        working!.SeqNo,
                        working.EventHash,
                        incoming.SeqNo,
                        incoming.EventHash);
            }
        }

        return working ?? throw new AttestoValidationException("At least one event is needed to compute a head.", nameof(events));
    }

    /// <summary>
    /// The seq numbers of the batch's receipts below the stored head that link to it hash by hash
    /// (the batch must contain the stored head itself); empty when there are none.
    /// </summary>
    private static HashSet<long> AncestryOfHead(StreamHead? stored, List<WitnessedEvent> ordered)
    {
        var ancestry = new HashSet<long>();
        var bySeq = new Dictionary<long, WitnessedEvent>();
        foreach (WitnessedEvent e in ordered)
        {
            bySeq.TryAdd(e.SeqNo, e);
        }

        if (stored is null || !bySeq.TryGetValue(stored.SeqNo, out WitnessedEvent current) || !SameHash(current.EventHash, stored.EventHash))
        {
            return ancestry;
        }

        while (bySeq.TryGetValue(current.SeqNo - 1, out WitnessedEvent previous) && SameHash(current.PreviousEventHash, previous.EventHash))
        {
            ancestry.Add(previous.SeqNo);
            current = previous;
        }

        return ancestry;
    }

    private static bool SameHash(string? left, string right) =>
        left is not null && string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
