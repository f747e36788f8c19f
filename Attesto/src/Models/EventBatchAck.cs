namespace Attesto;

/// <summary>The service's acknowledgement of a v1 batch.</summary>
/// <param name="Accepted">How many events the service accepted (from <c>accepted</c>, else the number of acknowledgements).</param>
/// <param name="Events">The per-event acknowledgements the service returned (may be empty).</param>
public sealed record EventBatchAck(int Accepted, IReadOnlyList<EventAck> Events);
