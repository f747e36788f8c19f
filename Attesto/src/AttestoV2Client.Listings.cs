using System.Runtime.CompilerServices;
using Attesto.Http;

namespace Attesto;

/// <content>The limit/offset listings and their <c>GetAll…Async</c> twins.</content>
public partial class AttestoV2Client
{
    /// <summary>One page of windows (<c>GET /v2/windows</c>).</summary>
    /// <param name="streamId">Only this stream's windows; null for all.</param>
    /// <param name="limit">The page size (1–1000); null uses <see cref="ProofstreamOptions.PageSize"/>.</param>
    /// <param name="offset">Items to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual Task<Page<Window>> ListWindowsAsync(string? streamId = null, int? limit = null, int offset = 0, CancellationToken cancellationToken = default) =>
        PageAsync("list_windows", limit, offset, (l, o) => _api.ListWindowsAsync(streamId, l, o, cancellationToken));

    /// <summary>Every window, walking pages until the first short one.</summary>
    /// <param name="streamId">Only this stream's windows; null for all.</param>
    /// <param name="pageSize">The page size (1–1000); null uses <see cref="ProofstreamOptions.PageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The windows.</returns>
    public virtual IAsyncEnumerable<Window> GetAllWindowsAsync(string? streamId = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        IterateAsync<Window>("get_all_windows", pageSize, (l, o, ct) => _api.ListWindowsAsync(streamId, l, o, ct), cancellationToken);

    /// <summary>One page of checkpoints (<c>GET /v2/checkpoints</c>).</summary>
    /// <param name="streamId">Only this stream's checkpoints; null for all.</param>
    /// <param name="limit">The page size (1–1000); null uses <see cref="ProofstreamOptions.PageSize"/>.</param>
    /// <param name="offset">Items to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual Task<Page<Checkpoint>> ListCheckpointsAsync(string? streamId = null, int? limit = null, int offset = 0, CancellationToken cancellationToken = default) =>
        PageAsync("list_checkpoints", limit, offset, (l, o) => _api.ListCheckpointsAsync(streamId, l, o, cancellationToken));

    /// <summary>Every checkpoint, walking pages until the first short one.</summary>
    /// <param name="streamId">Only this stream's checkpoints; null for all.</param>
    /// <param name="pageSize">The page size (1–1000); null uses <see cref="ProofstreamOptions.PageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The checkpoints.</returns>
    public virtual IAsyncEnumerable<Checkpoint> GetAllCheckpointsAsync(string? streamId = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        IterateAsync<Checkpoint>("get_all_checkpoints", pageSize, (l, o, ct) => _api.ListCheckpointsAsync(streamId, l, o, ct), cancellationToken);

    /// <summary>One page of the tenant's streams (<c>GET /v2/tenant/streams</c>).</summary>
    /// <param name="limit">The page size (1–1000); null uses <see cref="ProofstreamOptions.PageSize"/>.</param>
    /// <param name="offset">Items to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual Task<Page<ProofStream>> ListStreamsAsync(int? limit = null, int offset = 0, CancellationToken cancellationToken = default) =>
        PageAsync("list_streams", limit, offset, (l, o) => _api.ListStreamsAsync(l, o, cancellationToken));

    /// <summary>Every stream of the tenant, walking pages until the first short one.</summary>
    /// <param name="pageSize">The page size (1–1000); null uses <see cref="ProofstreamOptions.PageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The streams.</returns>
    public virtual IAsyncEnumerable<ProofStream> GetAllStreamsAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        IterateAsync<ProofStream>("get_all_streams", pageSize, (l, o, ct) => _api.ListStreamsAsync(l, o, ct), cancellationToken);

    /// <summary>One page of a stream's events (<c>GET /v2/tenant/streams/{stream_id}/events</c>).</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="limit">The page size (1–1000); null uses <see cref="ProofstreamOptions.PageSize"/>.</param>
    /// <param name="offset">Items to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual Task<Page<StreamEvent>> ListStreamEventsAsync(string streamId, int? limit = null, int offset = 0, CancellationToken cancellationToken = default)
    {
        RequireId(streamId, nameof(streamId));
        return PageAsync("list_stream_events", limit, offset, (l, o) => _api.ListStreamEventsAsync(streamId, l, o, cancellationToken));
    }

    /// <summary>Every event of a stream, walking pages until the first short one.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="pageSize">The page size (1–1000); null uses <see cref="ProofstreamOptions.PageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The events.</returns>
    public virtual IAsyncEnumerable<StreamEvent> GetAllStreamEventsAsync(string streamId, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        RequireId(streamId, nameof(streamId));
        return IterateAsync<StreamEvent>("get_all_stream_events", pageSize, (l, o, ct) => _api.ListStreamEventsAsync(streamId, l, o, ct), cancellationToken);
    }

    /// <summary>One page of fork evidence (<c>GET /v2/tenant/fork-evidence</c>).</summary>
    /// <param name="streamId">Only this stream's evidence; null for all.</param>
    /// <param name="limit">The page size (1–1000); null uses <see cref="ProofstreamOptions.PageSize"/>.</param>
    /// <param name="offset">Items to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual Task<Page<ForkEvidence>> ListForkEvidenceAsync(string? streamId = null, int? limit = null, int offset = 0, CancellationToken cancellationToken = default) =>
        PageAsync("list_fork_evidence", limit, offset, (l, o) => _api.ListForkEvidenceAsync(streamId, l, o, cancellationToken));

    /// <summary>Every fork evidence record, walking pages until the first short one.</summary>
    /// <param name="streamId">Only this stream's evidence; null for all.</param>
    /// <param name="pageSize">The page size (1–1000); null uses <see cref="ProofstreamOptions.PageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The records.</returns>
    public virtual IAsyncEnumerable<ForkEvidence> GetAllForkEvidenceAsync(string? streamId = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        IterateAsync<ForkEvidence>("get_all_fork_evidence", pageSize, (l, o, ct) => _api.ListForkEvidenceAsync(streamId, l, o, ct), cancellationToken);

    /// <summary>One page of the tenant's IVC epochs (<c>GET /v2/tenant/ivc/epochs</c>).</summary>
    /// <param name="limit">The page size (1–1000); null uses <see cref="ProofstreamOptions.PageSize"/>.</param>
    /// <param name="offset">Items to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual Task<Page<IvcEpoch>> ListIvcEpochsAsync(int? limit = null, int offset = 0, CancellationToken cancellationToken = default) =>
        PageAsync("list_ivc_epochs", limit, offset, (l, o) => _api.ListIvcEpochsAsync(l, o, cancellationToken));

    /// <summary>Every IVC epoch of the tenant, walking pages until the first short one.</summary>
    /// <param name="pageSize">The page size (1–1000); null uses <see cref="ProofstreamOptions.PageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The epochs.</returns>
    public virtual IAsyncEnumerable<IvcEpoch> GetAllIvcEpochsAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        IterateAsync<IvcEpoch>("get_all_ivc_epochs", pageSize, (l, o, ct) => _api.ListIvcEpochsAsync(l, o, ct), cancellationToken);

    /// <inheritdoc />
    public virtual async IAsyncEnumerable<ChainEvent> ReadStreamEventsAsync(string streamId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (StreamEvent e in GetAllStreamEventsAsync(streamId, null, cancellationToken).ConfigureAwait(false))
        {
            if (e.SeqNo is not { } seq || e.EventHash is null)
            {
                throw new AttestoException($"get_all_stream_events: an event of stream '{streamId}' lacks seq_no or event_hash.");
            }

            yield return new ChainEvent(seq, e.EventHash, e.PreviousEventHash, e.EventType);
        }
    }

    /// <inheritdoc />
    public virtual async IAsyncEnumerable<CheckpointRange> ReadCheckpointsAsync(string streamId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RequireId(streamId, nameof(streamId));
        await foreach (Checkpoint c in GetAllCheckpointsAsync(streamId, null, cancellationToken).ConfigureAwait(false))
        {
            if (c.FromSeqNo is not { } from || c.ToSeqNo is not { } to || c.CheckpointHash is null)
            {
                throw new AttestoException($"get_all_checkpoints: a checkpoint of stream '{streamId}' lacks from_seq_no, to_seq_no or checkpoint_hash.");
            }

            yield return new CheckpointRange(c.CheckpointId, from, to, c.CheckpointHash, c.PreviousCheckpointHash, c.AnchorStatus);
        }
    }

    private Task<Page<T>> PageAsync<T>(string operation, int? limit, int offset, Func<int, int, Task<Page<T>>> fetch, [CallerMemberName] string caller = "")
    {
        int size = limit ?? _pageSize;
        Paging.CheckPageSize(size, nameof(limit));
        Paging.CheckOffset(offset);
        return Traced("GET", () => AttestoTransport.InvokeAsync(operation, () => fetch(size, offset)), caller);
    }

    // One span per page fetched, named after the GetAll…Async method.
    private IAsyncEnumerable<T> IterateAsync<T>(string operation, int? pageSize, Func<int, int, CancellationToken, Task<Page<T>>> fetch, CancellationToken cancellationToken, [CallerMemberName] string caller = "") =>
        Paging.IterateAsync<T>(operation, (l, o, ct) => Traced("GET", () => AttestoTransport.InvokeAsync(operation, () => fetch(l, o, ct)), caller), pageSize ?? _pageSize, cancellationToken);

    /// <summary>Runs one call inside the operation span of the public method that called it.</summary>
    private Task<T> Traced<T>(string method, Func<Task<T>> body, [CallerMemberName] string operation = "") =>
        AttestoTelemetry.Instance.TraceAsync(operation, method, _transport?.BaseUrl.OriginalString, body);
}
