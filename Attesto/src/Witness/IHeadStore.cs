namespace Attesto;

/// <summary>
/// Where the SDK keeps the last witnessed head of every stream (spec §12). Implementations must
/// make <see cref="UpdateAsync"/> an atomic read-modify-write: the update function sees the
/// current head and its result is stored before anyone else reads it.
/// </summary>
public interface IHeadStore
{
    /// <summary>Reads the stored head of a stream.</summary>
    /// <param name="streamId">The stream id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stored head, or null when the stream has never been seen.</returns>
    Task<StreamHead?> GetAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically replaces the head of a stream with what <paramref name="update"/> returns for the
    /// current head. When the function throws, nothing is written and the exception propagates;
    /// when it returns the current head unchanged, nothing is written.
    /// </summary>
    /// <param name="streamId">The stream id.</param>
    /// <param name="update">Computes the new head from the stored one (null when none is stored).</param>
    /// <param name="cancellationToken">Cancels waiting for the store.</param>
    /// <returns>The head stored afterwards.</returns>
    Task<StreamHead> UpdateAsync(string streamId, Func<StreamHead?, StreamHead> update, CancellationToken cancellationToken = default);
}
