using System.Collections.Concurrent;

namespace Attesto.Tests.Compliance;

/// <summary>A stream writer that records what it was asked to log and can be told to fail.</summary>
internal sealed class RecordingWriter : IAttestoStreamWriter
{
    internal ConcurrentQueue<(string StreamId, StreamEventInput Input)> Logged { get; } = new();

    internal Exception? FailWith { get; set; }

    internal TaskCompletionSource? Gate { get; set; }

    public async Task<StreamEventReceipt> LogEventAsync(string streamId, StreamEventInput input, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        if (Gate is not null)
        {
            await Gate.Task;
        }

        if (FailWith is not null)
        {
            throw FailWith;
        }

        Logged.Enqueue((streamId, input));
        return AttestoModelFactory.StreamEventReceipt($"sev_{Logged.Count}", streamId, Logged.Count, new string('a', 64));
    }
}
