namespace Attesto;

/// <summary>
/// The service returned a receipt that contradicts the stream head this SDK already witnessed:
/// a rewind (lower sequence number), a different event at an already-seen sequence number, or a
/// next event whose previous hash does not link to the stored head. The stored head is never
/// advanced when this is raised.
/// </summary>
public class AttestoForkDetectedException : AttestoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was contradicted.</param>
    /// <param name="streamId">The stream whose history forked.</param>
    /// <param name="storedSeqNo">The sequence number of the stored head.</param>
    /// <param name="storedEventHash">The event hash of the stored head.</param>
    /// <param name="receivedSeqNo">The sequence number in the offending receipt.</param>
    /// <param name="receivedEventHash">The event hash in the offending receipt.</param>
    public AttestoForkDetectedException(string message, string streamId, long storedSeqNo, string storedEventHash, long receivedSeqNo, string receivedEventHash)
        : base(message)
    {
        StreamId = streamId;
        StoredSeqNo = storedSeqNo;
        StoredEventHash = storedEventHash;
        ReceivedSeqNo = receivedSeqNo;
        ReceivedEventHash = receivedEventHash;
    }

    /// <summary>The stream whose history forked.</summary>
    public string StreamId { get; }

    /// <summary>The sequence number of the head this SDK had stored.</summary>
    public long StoredSeqNo { get; }

    /// <summary>The event hash of the head this SDK had stored.</summary>
    public string StoredEventHash { get; }

    /// <summary>The sequence number in the receipt that contradicts the stored head.</summary>
    public long ReceivedSeqNo { get; }

    /// <summary>The event hash in the receipt that contradicts the stored head.</summary>
    public string ReceivedEventHash { get; }
}
