namespace Attesto.Testing;

/// <summary>Queued faults: forced error answers and delays for the next requests, in arrival order.</summary>
internal sealed class MockFaults
{
    private readonly object _gate = new();
    private readonly Queue<MockFailure> _failures = new();
    private readonly Queue<TimeSpan> _delays = new();

    internal bool ProtocolMismatch { get; set; }

    internal void AddFailure(MockFailure failure, int count)
    {
        lock (_gate)
        {
            for (int i = 0; i < count; i++)
            {
                _failures.Enqueue(failure);
            }
        }
    }

    internal void AddDelay(TimeSpan delay, int count)
    {
        lock (_gate)
        {
            for (int i = 0; i < count; i++)
            {
                _delays.Enqueue(delay);
            }
        }
    }

    internal MockFailure? TakeFailure()
    {
        lock (_gate)
        {
            return _failures.TryDequeue(out MockFailure? failure) ? failure : null;
        }
    }

    internal TimeSpan? TakeDelay()
    {
        lock (_gate)
        {
            return _delays.TryDequeue(out TimeSpan delay) ? delay : null;
        }
    }
}

/// <summary>One forced error answer: the status, the error code in the body and an optional <c>Retry-After</c>.</summary>
internal sealed record MockFailure(int Status, string? ErrorCode, TimeSpan? RetryAfter, bool DropsConnection = false);
