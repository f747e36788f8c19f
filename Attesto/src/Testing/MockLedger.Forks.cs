using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto.Testing;

/// <content>Test hooks that fork a stream's history.</content>
internal sealed partial class MockLedger
{
    /// <summary>Forgets every event after <paramref name="toSeqNo"/> (and the windows/checkpoints over them): the next write reuses seq numbers.</summary>
    internal void Rewind(string streamId, long toSeqNo)
    {
        lock (_gate)
        {
            MockStream stream = Stream(streamId);
            if (toSeqNo < 0 || toSeqNo >= stream.Events.Count)
            {
                throw new AttestoValidationException($"Stream {streamId} has {stream.Events.Count} events; rewind to 0..{stream.Events.Count - 1}.", nameof(toSeqNo));
            }

            MockEvent head = stream.Events[^1];
            DropAfter(stream, toSeqNo);
            RecordFork(stream, head.SeqNo, head.EventHash, toSeqNo == 0 ? AttestoHashes.GenesisPreviousEventHash : stream.Events[^1].EventHash);
        }
    }

    /// <summary>Replaces the head event with a different one at the same seq_no: the next write links to a hash no witness has seen.</summary>
    internal void Diverge(string streamId)
    {
        lock (_gate)
        {
            MockStream stream = Stream(streamId);
            if (stream.Events.Count == 0)
            {
                throw new InvalidOperationException($"Stream {streamId} has no events to diverge from.");
            }

            MockEvent head = stream.Events[^1];
            DropAfter(stream, head.SeqNo - 1);
            string previous = stream.Events.Count == 0 ? AttestoHashes.GenesisPreviousEventHash : stream.Events[^1].EventHash;
            MockEvent forged = CreateEvent(stream, head.SeqNo, previous, head.SourceRef + "#forked", head.EventType, head.OccurredAt, Hashes.Sha256Hex(Hex.Decode(head.PayloadHash)));
            stream.Events.Add(forged);
            stream.BySourceRef[forged.SourceRef] = forged;
            _eventsById[forged.Id] = (stream, forged);
            RecordFork(stream, head.SeqNo, head.EventHash, forged.EventHash);
        }
    }

    private void DropAfter(MockStream stream, long toSeqNo)
    {
        foreach (MockEvent dropped in stream.Events.Where(e => e.SeqNo > toSeqNo))
        {
            stream.BySourceRef.Remove(dropped.SourceRef);
            _eventsById.Remove(dropped.Id);
        }

        stream.Events.RemoveAll(e => e.SeqNo > toSeqNo);
        stream.Checkpoints.RemoveAll(c => c.ToSeqNo > toSeqNo);
        stream.Windows.RemoveAll(w => w.ToSeqNo > toSeqNo);
        stream.Events.Where(e => e.Window is { } w && w.ToSeqNo > toSeqNo).ToList().ForEach(e => e.Window = null);
        stream.PendingFrom = stream.Windows.Count == 0 ? 0 : (int)stream.Windows[^1].ToSeqNo;
    }

    private void RecordFork(MockStream stream, long seqNo, string witnessed, string conflicting) =>
        _forkEvidence.Add(new JObject
        {
            ["fork_evidence_id"] = NewId("frk"),
            ["stream_id"] = stream.Id,
            ["seq_no"] = seqNo,
            ["witnessed_event_hash"] = witnessed,
            ["conflicting_event_hash"] = conflicting,
            ["detected_at"] = Now(),
            ["mock"] = true,
        });
}
