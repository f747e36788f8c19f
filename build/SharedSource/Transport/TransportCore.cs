using Polly;
using Refit;

namespace Shared.Http;

/// <summary>
/// Runs one logical call for a vendor transport: every attempt through the vendor's retry
/// pipeline, each attempt (send and body read) under the per-attempt timeout on the injected
/// clock, Refit's wrapper exceptions unwrapped, and the answer always a capped
/// <see cref="BufferedResponse"/> with any echoed credential scrubbed from an error body. What
/// the call finally ends with (an answer, an <see cref="AttemptTimeoutException"/>, a connection
/// failure, a <see cref="RedirectRefusedException"/>, or the caller's cancellation) is the
/// vendor's to map to its own exception types.
/// </summary>
internal sealed class TransportCore
{
    private readonly HttpSender _sender;
    private readonly TimeProvider _timeProvider;

    internal TransportCore(HttpSender sender, TimeProvider timeProvider)
    {
        _sender = sender;
        _timeProvider = timeProvider;
    }

    /// <summary>The sender every attempt goes through.</summary>
    internal HttpSender Sender => _sender;

    /// <summary>Runs <paramref name="attempt"/> until the pipeline settles.</summary>
    /// <param name="pipeline">The vendor's pipeline for this kind of call (see <see cref="RetryPipelineFactory"/>).</param>
    /// <param name="timeout">The per-attempt limit, covering the body read.</param>
    /// <param name="secret">The credential to scrub from error bodies, or null.</param>
    /// <param name="attempt">Sends one attempt with the token given (through Refit, or <see cref="HttpSender.SendAsync"/>).</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The final answer, whatever its status.</returns>
    internal async Task<BufferedResponse> SendAsync(
        ResiliencePipeline<BufferedResponse> pipeline,
        TimeSpan timeout,
        string? secret,
        Func<CancellationToken, Task<HttpResponseMessage>> attempt,
        CancellationToken cancellationToken)
    {
        var state = (Core: this, Attempt: attempt, Timeout: timeout, Secret: secret, Caller: cancellationToken);
        return await pipeline.ExecuteAsync(
            static async (s, token) => await s.Core.AttemptAsync(s.Attempt, s.Timeout, s.Secret, s.Caller, token).ConfigureAwait(false),
            state,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<BufferedResponse> AttemptAsync(
        Func<CancellationToken, Task<HttpResponseMessage>> attempt, TimeSpan timeout, string? secret, CancellationToken caller, CancellationToken pipelineToken)
    {
        using var timer = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(pipelineToken, timer.Token);
        try
        {
            HttpResponseMessage answer = await attempt(linked.Token).ConfigureAwait(false);
            BufferedResponse buffered;
            if (answer is BufferedResponse already)
            {
                buffered = already;
            }
            else
            {
                using (answer)
                {
                    buffered = await _sender.BufferAsync(answer, linked.Token).ConfigureAwait(false);
                }
            }

            buffered.RedactError(secret);
            return buffered;
        }
        catch (Exception ex) when (Unwrap(ex) is OperationCanceledException cancelled && !caller.IsCancellationRequested && !pipelineToken.IsCancellationRequested)
        {
            // Our per-attempt limit, or a caller-owned HttpClient's own Timeout: the attempt timed
            // out rather than being cancelled by the caller.
            throw new AttemptTimeoutException(timeout, cancelled);
        }
        catch (ApiRequestException ex) when (ex.InnerException is { } inner)
        {
            // Refit wraps transport failures; the pipeline and the vendor mapping see the real cause.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }

    private static Exception Unwrap(Exception ex) => ex is ApiRequestException { InnerException: { } inner } ? inner : ex;
}
