using Shared.Crypto;

namespace Attesto;

/// <summary>Argument checks every head store shares.</summary>
internal static class HeadStoreArguments
{
    internal static void CheckStreamId(string streamId)
    {
        if (string.IsNullOrWhiteSpace(streamId))
        {
            throw new AttestoValidationException("The stream id must be a non-empty string.", nameof(streamId));
        }
    }

    internal static StreamHead CheckResult(StreamHead? head)
    {
        if (head is null)
        {
            throw new InvalidOperationException("The head update function returned null; it must return the head to store.");
        }

        if (head.SeqNo < 0 || !Hex.IsLowercaseHex(head.EventHash, Hashes.DigestSize))
        {
            throw new AttestoException($"Refusing to store head (seq_no {head.SeqNo}, event_hash '{head.EventHash}'): seq_no must be ≥ 0 and event_hash 64 lowercase hex digits.");
        }

        return head;
    }
}
