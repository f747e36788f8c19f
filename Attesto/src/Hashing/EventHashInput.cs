namespace Attesto;

/// <summary>The fields an event hash commits to (spec §8, PROPOSED); hashes as lowercase hex.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="StreamId">The stream (<c>str_…</c>).</param>
/// <param name="SeqNo">The event's sequence number in the stream (from 1).</param>
/// <param name="SourceRef">The caller's in-stream idempotency key.</param>
/// <param name="EventType">The event type, or null.</param>
/// <param name="OccurredAt">The source time, ISO 8601 text as sent.</param>
/// <param name="PayloadHash">The canonical payload hash (hex).</param>
/// <param name="PreviousEventHash">The previous event's hash (hex), 64 zeros for the first event.</param>
internal sealed record EventHashInput(
    string TenantId,
    string StreamId,
    long SeqNo,
    string SourceRef,
    string? EventType,
    string OccurredAt,
    string PayloadHash,
    string PreviousEventHash);
