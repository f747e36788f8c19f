using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>
/// One event to append to a Proofstream (v2): the body of
/// <c>POST /v2/streams/{stream_id}/events</c> and of each item of a batch.
/// </summary>
public sealed class StreamEventInput
{
    /// <summary>Creates an event.</summary>
    /// <param name="sourceRef">The caller's in-stream idempotency key (required, non-empty).</param>
    /// <param name="payload">The committed payload (any JSON-convertible value).</param>
    public StreamEventInput(string sourceRef, object? payload)
    {
        SourceRef = sourceRef;
        Payload = payload;
    }

    /// <summary>The caller's in-stream idempotency key (<c>source_ref</c>).</summary>
    public string SourceRef { get; }

    /// <summary>The committed payload (<c>payload</c>); must pass the number policy.</summary>
    public object? Payload { get; }

    /// <summary>The event type (<c>event_type</c>), optional.</summary>
    public string? EventType { get; init; }

    /// <summary>The source time (<c>occurred_at</c>); null means now (UTC).</summary>
    public AttestoTimestamp? OccurredAt { get; init; }

    /// <summary>Optional metadata (<c>metadata</c>); must pass the number policy.</summary>
    public object? Metadata { get; init; }

    /// <summary>
    /// Builds the wire body <c>{"source_ref","event_type"?,"occurred_at","payload","metadata"?}</c>,
    /// checking the inputs and, with <paramref name="preflight"/>, the number policy.
    /// </summary>
    /// <param name="timeProvider">The clock for a missing <see cref="OccurredAt"/>.</param>
    /// <param name="preflight">Whether to check payload and metadata against the number policy.</param>
    /// <param name="where">A prefix for messages, e.g. <c>events[3]</c>.</param>
    /// <returns>The body.</returns>
    /// <exception cref="AttestoValidationException">A field is missing or invalid.</exception>
    /// <exception cref="AttestoUnsafeNumberException">Payload or metadata breaks the number policy.</exception>
    internal JObject ToWireBody(TimeProvider timeProvider, bool preflight, string where)
    {
        if (string.IsNullOrWhiteSpace(SourceRef))
        {
            throw new AttestoValidationException($"{where}.source_ref is required and must not be empty.", where + ".source_ref");
        }

        var body = new JObject
        {
            ["source_ref"] = SourceRef,
        };
        if (EventType is not null)
        {
            body["event_type"] = EventType;
        }

        body["occurred_at"] = AttestoTimestamp.Resolve(OccurredAt, where + ".occurred_at", timeProvider);
        body["payload"] = CommittedValue.Prepare(Payload ?? new JObject(), where + ".payload", preflight);
        if (Metadata is not null)
        {
            body["metadata"] = CommittedValue.Prepare(Metadata, where + ".metadata", preflight);
        }

        return body;
    }
}
