using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Shared.Http;

/// <summary>
/// Logs one line per HTTP attempt: method, path (no query, no host), status, elapsed time and the
/// server's request id when it sends one. Never headers, bodies, keys, prompts or payloads.
/// </summary>
internal sealed class RequestLoggingHandler : DelegatingHandler
{
    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-payload-id", "x-correlation-id"];

    private readonly ILogger _logger;
    private readonly string _vendor;

    internal RequestLoggingHandler(ILogger logger, string vendor, HttpMessageHandler inner)
        : base(inner)
    {
        _logger = logger;
        _vendor = vendor;
    }

    /// <summary>Wraps <paramref name="inner"/> when a logger is configured; otherwise returns it unchanged.</summary>
    internal static HttpMessageHandler Wrap(ILogger? logger, string vendor, HttpMessageHandler inner) =>
        logger is null ? inner : new RequestLoggingHandler(logger, vendor, inner);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string path = request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0] ?? "/";
        long started = Stopwatch.GetTimestamp();
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            string? requestId = RequestIdOf(response);
            _logger.LogInformation(
                "{Vendor} {Method} {Path} -> {Status} in {ElapsedMs:0} ms (request id {RequestId})",
                _vendor, request.Method.Method, path, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, requestId ?? "none");
            return response;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(
                "{Vendor} {Method} {Path} failed after {ElapsedMs:0} ms: {Error}",
                _vendor, request.Method.Method, path, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name);
            throw;
        }
    }

    private static string? RequestIdOf(HttpResponseMessage response)
    {
        foreach (string name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out IEnumerable<string>? values))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }
}
