using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>
/// The chain-relevant fields of one stream event, as the completeness verifier and the
/// evidence report read them.
/// </summary>
/// <param name="SeqNo">The event's sequence number.</param>
/// <param name="EventHash">The event hash (hex).</param>
/// <param name="PreviousEventHash">The previous event's hash (hex), if supplied.</param>
/// <param name="EventType">The event type, if known.</param>
public sealed record ChainEvent(long SeqNo, string EventHash, string? PreviousEventHash, string? EventType = null)
{
    /// <summary>
    /// Reads an event object: <c>seq_no</c> (or <c>seqNo</c>), <c>event_hash</c> (or <c>eventHash</c>),
    /// <c>prev_event_hash</c> or <c>previous_event_hash</c> (or camelCase), <c>event_type</c>.
    /// </summary>
    /// <param name="json">The event object.</param>
    /// <param name="evidence">The parsed event, or null when a required field is missing or malformed.</param>
    /// <returns>Whether the object could be read.</returns>
    public static bool TryFromJson(JToken? json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ChainEvent? evidence)
    {
        evidence = null;
        if (json is not JObject obj
            || JsonFields.Integer(obj, "seq_no", "seqNo") is not { } seqNo
            || JsonFields.Text(obj, "event_hash", "eventHash") is not { } eventHash)
        {
            return false;
        }

        evidence = new ChainEvent(
            seqNo,
            eventHash,
            JsonFields.Text(obj, "prev_event_hash", "previous_event_hash", "prevEventHash", "previousEventHash"),
            JsonFields.Text(obj, "event_type", "eventType"));
        return true;
    }
}
