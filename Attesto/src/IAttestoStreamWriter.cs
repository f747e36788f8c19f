
namespace Attesto;

/// <summary>
/// Appends events to a Proofstream. Implemented by the v2 client; used by
/// <c>AttestoSession</c> and <c>Attest</c>, and easy to fake in tests.
/// </summary>
public interface IAttestoStreamWriter
{
    /// <summary>Appends one event to a stream and returns what the service assigned.</summary>
    /// <param name="streamId">The stream (<c>str_…</c>).</param>
    /// <param name="input">The event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event's id, sequence number and hash.</returns>
    Task<StreamEventReference> LogStreamEventAsync(string streamId, StreamEventInput input, CancellationToken cancellationToken = default);
}
