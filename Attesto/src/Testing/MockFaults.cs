namespace Attesto.Testing;

/// <summary>Queued faults: forced status codes and delays for the next matching requests.</summary>
internal sealed class MockFaults
{
    private readonly object _gate = new();
    private readonly List<(string? PathContains, int Status, TimeSpan? RetryAfter, int Remaining)> _statuses = [];
    private readonly List<(string? PathContains, TimeSpan Delay, int Remaining)> _delays = [];

    internal bool ProtocolMismatch { get; set; }

    internal void AddStatus(int status, int count, string? pathContains, TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            _statuses.Add((pathContains, status, retryAfter, count));
        }
    }

    internal void AddDelay(TimeSpan delay, int count, string? pathContains)
    {
        lock (_gate)
        {
            _delays.Add((pathContains, delay, count));
        }
    }

    internal (int Status, TimeSpan? RetryAfter)? TakeStatus(string path)
    {
        lock (_gate)
        {
            int i = _statuses.FindIndex(s => s.PathContains is null || path.Contains(s.PathContains, StringComparison.Ordinal));
            if (i < 0)
            {
                return null;
            }

            var entry = _statuses[i];
            if (entry.Remaining <= 1)
            {
                _statuses.RemoveAt(i);
            }
            else
            {
                _statuses[i] = entry with { Remaining = entry.Remaining - 1 };
            }

            return (entry.Status, entry.RetryAfter);
        }
    }

    internal TimeSpan? TakeDelay(string path)
    {
        lock (_gate)
        {
            int i = _delays.FindIndex(s => s.PathContains is null || path.Contains(s.PathContains, StringComparison.Ordinal));
            if (i < 0)
            {
                return null;
            }

            var entry = _delays[i];
            if (entry.Remaining <= 1)
            {
                _delays.RemoveAt(i);
            }
            else
            {
                _delays[i] = entry with { Remaining = entry.Remaining - 1 };
            }

            return entry.Delay;
        }
    }
}
