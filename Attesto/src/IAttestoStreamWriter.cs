
namespace Attesto;

/// <summary>
/// Appends events to a Proofstream. Implemented by the v2 client; used by
/// <c>AttestoSession</c> and <c>Attest</c>, and easy to fake in tests (build the answer with
/// <see cref="AttestoModelFactory.StreamEventReceipt"/>).
/// </summary>
public interface IAttestoStreamWriter
{
    /// <summary>Appends one event to a stream and returns it with its verified receipt.</summary>
    /// <param name="streamId">The stream (<c>str_…</c>).</param>
    /// <param name="input">The event.</param>
    /// <param name="idempotencyKey">The idempotency key of the write; null lets the writer choose a fresh one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event's id, sequence number, hash and verified receipt.</returns>
    Task<StreamEventReceipt> LogEventAsync(string streamId, StreamEventInput input, string? idempotencyKey = null, CancellationToken cancellationToken = default);
}
