namespace Attesto;

/// <summary>The position a receipt claims for its event.</summary>
/// <param name="SeqNo">The event's sequence number.</param>
/// <param name="EventHash">The event hash, lowercase hex.</param>
/// <param name="PreviousEventHash">The previous event's hash as the receipt states it, lowercase hex; null when absent.</param>
internal readonly record struct WitnessedEvent(long SeqNo, string EventHash, string? PreviousEventHash);
