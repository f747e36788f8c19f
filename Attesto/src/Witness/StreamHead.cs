namespace Attesto;

/// <summary>The last accepted position of a stream as this SDK witnessed it.</summary>
/// <param name="SeqNo">The sequence number of the last accepted event.</param>
/// <param name="EventHash">The event hash of the last accepted event, lowercase hex.</param>
public sealed record StreamHead(long SeqNo, string EventHash);
