using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>One v1 event (<c>POST /v1/sdk/events</c>, or one item of a batch).</summary>
public sealed class AttestoEvent
{
    /// <summary>Creates an event.</summary>
    /// <param name="type">The event type, e.g. <c>inference</c> or <c>decision</c> (required).</param>
    public AttestoEvent(string type)
    {
        Type = type;
    }

    /// <summary>The event type (<c>type</c>).</summary>
    public string Type { get; }

    /// <summary>The status (<c>status</c>), e.g. <c>verified</c> or <c>pending</c>.</summary>
    public string? Status { get; init; }

    /// <summary>The source time (<c>ts</c>); null means now (UTC).</summary>
    public AttestoTimestamp? Ts { get; init; }

    /// <summary>The latency in milliseconds (<c>latency_ms</c>), not negative.</summary>
    public int? LatencyMs { get; init; }

    /// <summary>The input hash (<c>input_hash</c>), e.g. <c>sha256:&lt;hex&gt;</c>.</summary>
    public string? InputHash { get; init; }

    /// <summary>The output hash (<c>output_hash</c>).</summary>
    public string? OutputHash { get; init; }

    /// <summary>The payload (<c>payload</c>); must pass the number policy.</summary>
    public object? Payload { get; init; }

    /// <summary>Metadata (<c>metadata</c>); must pass the number policy.</summary>
    public object? Metadata { get; init; }

    /// <summary>The upstream reference (<c>source_ref</c>), recommended.</summary>
    public string? SourceRef { get; init; }

    /// <summary>When the upstream event happened (<c>occurred_at</c>), recommended.</summary>
    public AttestoTimestamp? OccurredAt { get; init; }

    /// <summary>Builds the wire body and checks the inputs (and, with <paramref name="preflight"/>, the number policy).</summary>
    /// <param name="timeProvider">The clock for a missing <see cref="Ts"/>.</param>
    /// <param name="preflight">Whether to check payload and metadata locally.</param>
    /// <param name="where">A prefix for messages, e.g. <c>events[3]</c>.</param>
    /// <returns>The body.</returns>
    /// <exception cref="AttestoValidationException">A field is missing or invalid.</exception>
    /// <exception cref="AttestoUnsafeNumberException">Payload or metadata breaks the number policy.</exception>
    internal JObject ToWireBody(TimeProvider timeProvider, bool preflight, string where)
    {
        if (string.IsNullOrWhiteSpace(Type))
        {
            throw new AttestoValidationException($"{where}.type is required and must not be empty.", where + ".type");
        }

        if (LatencyMs is < 0)
        {
            throw new AttestoValidationException($"{where}.latency_ms must not be negative; got {LatencyMs}.", where + ".latency_ms");
        }

        var body = new JObject
        {
            ["type"] = Type,
            ["ts"] = AttestoTimestamp.Resolve(Ts, where + ".ts", timeProvider),
        };
        AddIfPresent(body, "status", Status);
        if (LatencyMs is { } latency)
        {
            body["latency_ms"] = latency;
        }

        AddIfPresent(body, "input_hash", InputHash);
        AddIfPresent(body, "output_hash", OutputHash);
        if (Payload is not null)
        {
            body["payload"] = CommittedValue.Prepare(Payload, where + ".payload", preflight);
        }

        if (Metadata is not null)
        {
            body["metadata"] = CommittedValue.Prepare(Metadata, where + ".metadata", preflight);
        }

        AddIfPresent(body, "source_ref", SourceRef);
        if (OccurredAt is not null)
        {
            body["occurred_at"] = AttestoTimestamp.Resolve(OccurredAt, where + ".occurred_at", timeProvider);
        }

        return body;
    }

    private static void AddIfPresent(JObject body, string name, string? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }
}
