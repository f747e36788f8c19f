namespace Attesto;

/// <summary>What a stream writer reports back for one appended event.</summary>
/// <param name="StreamEventId">The event id (<c>sev_…</c>), if returned.</param>
/// <param name="SeqNo">The assigned sequence number, if returned.</param>
/// <param name="EventHash">The event hash (hex), if returned.</param>
public sealed record StreamEventReference(string? StreamEventId, long? SeqNo, string? EventHash);
