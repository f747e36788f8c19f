
namespace Attesto;

/// <summary>
/// Completeness (spec §11) checked one event at a time in constant memory, for exports too large
/// to hold: the events must arrive in ascending <c>seq_no</c> order (as Attesto exports them),
/// cover every sequence number of the closed range exactly once, and each event's previous hash
/// must equal the prior event's <c>event_hash</c>. Only the last event, counters and the first
/// <see cref="MaxListed"/> missing numbers and problems are kept, whatever the number of events.
/// An event below the previous one is reported as out of order (or as a duplicate when equal).
/// Not thread-safe: feed it from one thread, then call <see cref="Complete"/>.
/// </summary>
public sealed class CompletenessChecker
{
    /// <summary>How many missing sequence numbers and problems are listed (the rest are counted).</summary>
    public const int MaxListed = 1000;

    private readonly long _from;
    private readonly long _to;
    private readonly List<string> _problems = [];
    private readonly List<long> _missing = [];
    private readonly bool _invalidRange;
    private long _unlistedProblems;
    private long _missingCount;
    private long _expected;
    private ChainEvent? _prior;
    private bool _completed;

    /// <summary>Starts a check of the range <paramref name="fromSeqNo"/>..<paramref name="toSeqNo"/>.</summary>
    /// <param name="fromSeqNo">The first sequence number of the range.</param>
    /// <param name="toSeqNo">The last sequence number of the range (inclusive).</param>
    public CompletenessChecker(long fromSeqNo, long toSeqNo)
    {
        _from = fromSeqNo;
        _to = toSeqNo;
        _expected = fromSeqNo;
        if (fromSeqNo > toSeqNo || fromSeqNo < 0 || toSeqNo == long.MaxValue)
        {
            _invalidRange = true;
            _problems.Add($"invalid range: from_seq_no {fromSeqNo}, to_seq_no {toSeqNo} (need 0 <= from <= to < {long.MaxValue})");
        }
    }

    /// <summary>The number of events fed so far (including rejected ones).</summary>
    public long EventCount { get; private set; }

    /// <summary>Feeds the next event.</summary>
    /// <param name="item">The event; null is reported as a problem.</param>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was already called.</exception>
    public void Add(ChainEvent? item)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The completeness check is already complete; start a new CompletenessChecker.");
        }

        EventCount++;
        if (_invalidRange)
        {
            return;
        }

        if (item is null)
        {
            Problem("null event");
            return;
        }

        if (item.SeqNo < _from || item.SeqNo > _to)
        {
            Problem($"seq_no {item.SeqNo} is outside the range {_from}..{_to}");
            return;
        }

        if (_prior is not null && item.SeqNo <= _prior.SeqNo)
        {
            Problem(item.SeqNo == _prior.SeqNo
                ? $"duplicate seq_no {item.SeqNo}"
                : $"seq_no {item.SeqNo} is out of order (after seq_no {_prior.SeqNo}); the streaming check needs ascending seq_no");
            return;
        }

        Gap(item.SeqNo);
        if (_prior is not null && item.SeqNo == _prior.SeqNo + 1 && !Proofs.SameHash(item.PreviousEventHash, _prior.EventHash))
        {
            Problem($"broken link at seq_no {item.SeqNo}: previous event hash does not equal event_hash of seq_no {_prior.SeqNo}");
        }

        _prior = item;
        _expected = item.SeqNo + 1;
    }

    /// <summary>Reports a malformed input event (one that could not be read as an event) at a position.</summary>
    /// <param name="description">What was wrong and where (e.g. <c>event [12] is malformed</c>).</param>
    public void AddMalformed(string description)
    {
        AttestoArguments.NotNull(description, nameof(description));
        EventCount++;
        Problem(description);
    }

    /// <summary>Ends the check: sequence numbers after the last event up to the range end are missing.</summary>
    /// <returns>The report.</returns>
    public CompletenessReport Complete()
    {
        if (!_completed)
        {
            _completed = true;
            if (!_invalidRange)
            {
                Gap(_to + 1);
                if (_missingCount > 0)
                {
                    string listed = string.Join(", ", _missing);
                    _problems.Add(_missingCount > _missing.Count ? $"missing seq_no {listed}, … ({_missingCount} in total)" : $"missing seq_no {listed}");
                }
            }

            if (_unlistedProblems > 0)
            {
                _problems.Add($"… and {_unlistedProblems} more problems not listed");
            }
        }

        return new CompletenessReport([.. _problems], [.. _missing]);
    }

    private void Gap(long next)
    {
        if (next <= _expected)
        {
            return;
        }

        _missingCount += next - _expected;
        for (long seq = _expected; seq < next && _missing.Count < MaxListed; seq++)
        {
            _missing.Add(seq);
        }
    }

    private void Problem(string text)
    {
        if (_problems.Count < MaxListed)
        {
            _problems.Add(text);
        }
        else
        {
            _unlistedProblems++;
        }
    }
}
