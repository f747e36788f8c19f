using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>
/// A logging session on one stream for one actor (upstream's <c>session(...)</c>, spec §17):
/// every <see cref="LogAsync"/> writes a typed event with <c>actor_ref</c> and <c>session_id</c>
/// added to its payload and <c>source_ref</c> = <c>&lt;session_id&gt;:&lt;n&gt;</c>. Opening and
/// closing log nothing; disposing waits for logs still in flight. Thread-safe.
/// </summary>
public sealed class AttestoSession : IAsyncDisposable
{
    private readonly IAttestoStreamWriter _writer;
    private readonly object _gate = new();
    private readonly HashSet<Task> _pending = [];
    private long _counter;
    private bool _closed;

    /// <summary>Opens a session.</summary>
    /// <param name="writer">The stream writer (the v2 client).</param>
    /// <param name="streamId">The stream (<c>str_…</c>).</param>
    /// <param name="actorRef">The actor every event is attributed to.</param>
    /// <exception cref="AttestoValidationException">The stream id or actor is empty.</exception>
    public AttestoSession(IAttestoStreamWriter writer, string streamId, string actorRef)
    {
        AttestoArguments.NotNull(writer, nameof(writer));
        if (string.IsNullOrWhiteSpace(streamId) || string.IsNullOrWhiteSpace(actorRef))
        {
            throw new AttestoValidationException("A session needs a stream id and an actor reference.");
        }

        _writer = writer;
        StreamId = streamId;
        ActorRef = actorRef;
        SessionId = Guid.NewGuid().ToString("D");
    }

    /// <summary>The stream.</summary>
    public string StreamId { get; }

    /// <summary>The actor.</summary>
    public string ActorRef { get; }

    /// <summary>The session id (a random UUID), added to every payload.</summary>
    public string SessionId { get; }

    /// <summary>Validates and logs a typed event.</summary>
    /// <param name="event">The event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event with what the service assigned and its verified receipt.</returns>
    /// <exception cref="ObjectDisposedException">The session is closed.</exception>
    /// <exception cref="AttestoValidationException">The event is invalid (nothing was sent).</exception>
    /// <exception cref="AttestoUnsafeNumberException">The event breaks the number policy (nothing was sent).</exception>
    public Task<StreamEventReceipt> LogAsync(TypedEvent @event, CancellationToken cancellationToken = default)
    {
        AttestoArguments.NotNull(@event, nameof(@event));
        JObject payload = @event.ToPayload();
        payload["actor_ref"] = ActorRef;
        payload["session_id"] = SessionId;
        Task<StreamEventReceipt> task;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            long n = ++_counter;
            var input = new StreamEventInput($"{SessionId}:{n}", payload) { EventType = @event.EventType };
            task = _writer.LogEventAsync(StreamId, input, cancellationToken: cancellationToken);
            _pending.Add(task);
        }

        _ = task.ContinueWith(Forget, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    /// <summary>Closes the session and waits for logs still in flight (their failures were reported to their callers).</summary>
    /// <returns>A task that completes when no log is in flight.</returns>
    public async ValueTask DisposeAsync()
    {
        Task[] pending;
        lock (_gate)
        {
            _closed = true;
            pending = [.. _pending];
        }

        foreach (Task task in pending)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The caller of LogAsync observed this failure already.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private static void Forget(Task task, object? state)
    {
        var session = (AttestoSession)state!;
        lock (session._gate)
        {
            session._pending.Remove(task);
        }
    }
}
