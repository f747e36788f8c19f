
namespace Attesto;

/// <summary>
/// Reads a Proofstream's events and checkpoints. Implemented by the v2 client; used by
/// <c>Article12</c>, and easy to fake in tests.
/// </summary>
public interface IAttestoStreamReader
{
    /// <summary>Every event of a stream, in any order (the report sorts by sequence number).</summary>
    /// <param name="streamId">The stream (<c>str_…</c>).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The events.</returns>
    IAsyncEnumerable<ChainEvent> ReadStreamEventsAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Every checkpoint of a stream, in any order.</summary>
    /// <param name="streamId">The stream (<c>str_…</c>).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The checkpoints.</returns>
    IAsyncEnumerable<CheckpointRange> ReadCheckpointsAsync(string streamId, CancellationToken cancellationToken = default);
}
