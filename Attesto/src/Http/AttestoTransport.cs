using Newtonsoft.Json;
using Refit;

namespace Attesto.Http;

/// <summary>
/// The HTTP plumbing every Attesto client shares: validates <see cref="AttestoClientOptions"/>,
/// builds the <see cref="HttpClient"/> that Refit uses (with <see cref="AttestoHttpHandler"/>
/// in front of the shared sender: an owned socket handler or the caller's <see cref="HttpClient"/>), creates
/// Refit interfaces over it, and shields callers from Refit's exception types.
/// </summary>
internal sealed class AttestoTransport : IDisposable
{
    private readonly HttpClient _client;

    /// <summary>Creates the transport.</summary>
    /// <param name="options">The validated settings.</param>
    /// <param name="callerClient">A caller-owned client used as the sender (never disposed here), or null to own one.</param>
    /// <param name="requireCredential">Whether a key or token must be present.</param>
    /// <exception cref="AttestoValidationException">A setting is invalid.</exception>
    internal AttestoTransport(AttestoClientOptions options, HttpClient? callerClient, bool requireCredential = true)
    {
        AttestoArguments.NotNull(options, nameof(options));
        BaseUrl = options.Validate(requireCredential);
        TimeProvider = options.TimeProvider;
        // An owned sender never follows redirects; a caller's client is sent headers-only and never disposed.
        Shared.Http.HttpSender sender = callerClient is null
            ? Shared.Http.HttpSender.Owned(AttestoHttpHandler.Caps)
            : Shared.Http.HttpSender.Over(callerClient, AttestoHttpHandler.Caps);
        var handler = new AttestoHttpHandler(
            sender,
            string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey,
            string.IsNullOrWhiteSpace(options.UserAgent) ? AttestoProtocol.SdkIdentifier : options.UserAgent,
            options.Timeout,
            options.MaxRetries,
            options.TimeProvider,
            options.Logger);
        _client = new HttpClient(Shared.Http.RequestLoggingHandler.Wrap(options.Logger, "Attesto", handler), disposeHandler: true)
        {
            BaseAddress = BaseUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The normalised API origin (no trailing slash).</summary>
    internal Uri BaseUrl { get; }

    /// <summary>The clock shared by retries, timeouts and default timestamps.</summary>
    internal TimeProvider TimeProvider { get; }

    /// <summary>The client with the transport stage in front (base address set); for raw requests.</summary>
    internal HttpClient HttpClient => _client;

    /// <summary>The Refit settings: Newtonsoft with the no-reformatting settings.</summary>
    internal static RefitSettings RefitSettings { get; } = new(new Shared.Http.NewtonsoftContentSerializer());

    /// <summary>A fresh idempotency key: a random UUID v4 in canonical text form.</summary>
    /// <returns>The key.</returns>
    internal static string NewIdempotencyKey() => Guid.NewGuid().ToString("D");

    /// <summary>Creates a Refit implementation of <typeparamref name="TApi"/> over this transport.</summary>
    /// <typeparam name="TApi">The Refit interface.</typeparam>
    /// <returns>The implementation.</returns>
    internal TApi CreateApi<TApi>() => RestService.For<TApi>(_client, RefitSettings);

    /// <summary>
    /// Runs one Refit call and converts anything that is not an <see cref="AttestoException"/>
    /// (Refit's <see cref="ApiException"/>, unreadable JSON) into one. Cancellation by the caller
    /// passes through unchanged.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="operation">A short name of the call, for messages.</param>
    /// <param name="call">The Refit call.</param>
    /// <returns>The call's result.</returns>
    internal static async Task<T> InvokeAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            T result = await call().ConfigureAwait(false);
            return result ?? throw new AttestoException($"{operation}: the response body was empty.");
        }
        catch (Exception ex) when (ex is not AttestoException && ex.InnerException is AttestoException or OperationCanceledException)
        {
            // Refit wraps what the transport stage threw; hand the caller the original.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        catch (ApiException ex)
        {
            throw new AttestoException($"{operation}: the response (HTTP {(int)ex.StatusCode}) could not be read ({ex.Message}).", ex);
        }
        catch (JsonException ex)
        {
            throw new AttestoException($"{operation}: the response is not the expected JSON ({ex.Message}).", ex);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
