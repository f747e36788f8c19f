using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// What the v2 client does with every receipt it receives: verify it offline, check that the
/// signed payload belongs to the stream asked for and agrees with the unsigned envelope, and
/// return the signed position for the head store. Fails closed with an <see cref="AttestoException"/>.
/// </summary>
internal sealed class ReceiptGuard(string receiptPublicKeyHex, bool allowMock)
{
    /// <summary>Verifies one returned event and gives its signed position.</summary>
    internal WitnessedEvent Check(string operation, string streamId, StreamEventReceipt? result)
    {
        if (result?.ReceiptJson is not JObject receipt)
        {
            throw new AttestoException($"{operation}: the answer carries no signed receipt; refusing to accept an unsigned write.");
        }

        IReadOnlyList<string> problems = Receipts.Verify(receipt, receiptPublicKeyHex, allowMock).Problems;
        if (problems.Count > 0)
        {
            throw new AttestoException($"{operation}: the receipt failed offline verification: {string.Join("; ", problems)}.");
        }

        if (receipt["payload"] is not JObject payload)
        {
            throw new AttestoException($"{operation}: the receipt has no payload object.");
        }

        string? signedStream = JsonFields.Text(payload, "stream_id", "streamId");
        long? seqNo = JsonFields.Integer(payload, "seq_no", "seqNo");
        string? eventHash = JsonFields.Text(payload, "event_hash", "eventHash");
        string? previous = JsonFields.Text(payload, "previous_event_hash", "prev_event_hash", "previousEventHash", "prevEventHash");
        if (!string.Equals(signedStream, streamId, StringComparison.Ordinal))
        {
            throw new AttestoException($"{operation}: the receipt is signed for stream '{signedStream}', not '{streamId}'.");
        }

        if (seqNo is not { } seq || seq < 0 || eventHash is null || !Hex.IsLowercaseHex(eventHash.ToLowerInvariant(), Hashes.DigestSize)
            || (previous is not null && !Hex.IsLowercaseHex(previous.ToLowerInvariant(), Hashes.DigestSize)))
        {
            throw new AttestoException($"{operation}: the signed receipt payload lacks a valid seq_no, event_hash or previous_event_hash.");
        }

        // Stryker disable once all : no mutant of this condition compiles (pattern variables), so Stryker cannot measure it; ReceiptsEdgeTests checks each clause (TESTING.md)
        if ((result.SeqNo is { } envelopeSeq && envelopeSeq != seq)
            || (result.EventHash is { } envelopeHash && !string.Equals(envelopeHash, eventHash, StringComparison.OrdinalIgnoreCase))
            || (result.PreviousEventHash is { } envelopePrevious && !string.Equals(envelopePrevious, previous, StringComparison.OrdinalIgnoreCase))
            || (result.StreamId is { } envelopeStream && !string.Equals(envelopeStream, streamId, StringComparison.Ordinal)))
        {
            throw new AttestoException($"{operation}: the answer's seq_no/event_hash/previous_event_hash/stream_id disagree with its signed receipt.");
        }

        return new WitnessedEvent(seq, eventHash.ToLowerInvariant(), previous?.ToLowerInvariant());
    }
}
