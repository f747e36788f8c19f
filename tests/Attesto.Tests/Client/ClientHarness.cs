using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace Attesto.Tests.Client;

/// <summary>A MockHttp-backed client with a fake clock and a record of every request that reached the wire.</summary>
internal sealed class ClientHarness : IDisposable
{
    internal const string Key = "atto_test_0123456789abcdef0123456789abcdef";

    internal ClientHarness(int maxRetries = 3, string baseUrl = "https://verify.attesto.eu")
    {
        Options = new AttestoClientOptions(Key) { MaxRetries = maxRetries, TimeProvider = Time, BaseUrl = new Uri(baseUrl) };
        HttpClient = Mock.ToHttpClient();
        Client = new AttestoClient(Options, HttpClient);
    }

    internal ObservedTimeProvider Time { get; } = new(new DateTimeOffset(2026, 6, 7, 12, 0, 0, TimeSpan.Zero));

    internal MockHttpMessageHandler Mock { get; } = new();

    internal AttestoClientOptions Options { get; }

    internal HttpClient HttpClient { get; }

    internal AttestoClient Client { get; }

    internal ConcurrentQueue<Captured> Requests { get; } = new();

    /// <summary>Answers every request to <paramref name="url"/> from <paramref name="answers"/> in turn (the last one repeats).</summary>
    internal void Answer(HttpMethod method, string url, params Func<HttpResponseMessage>[] answers)
    {
        int next = 0;
        Mock.When(method, url).Respond(req =>
        {
            Requests.Enqueue(Captured.From(req));
            Func<HttpResponseMessage> answer = answers[Math.Min(next, answers.Length - 1)];
            next++;
            return answer();
        });
    }

    internal static Func<HttpResponseMessage> Json(HttpStatusCode status, string json, Action<HttpResponseMessage>? configure = null) => () =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        configure?.Invoke(response);
        return response;
    };

    /// <summary>Advances the fake clock in small steps until the task ends (attempts complete synchronously under MockHttp).</summary>
    internal async Task<T> Run<T>(Task<T> task, TimeSpan? step = null)
    {
        for (int i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            Time.Advance(step ?? TimeSpan.FromMilliseconds(250));
        }

        return await task;
    }

    /// <summary>Waits (real time, bounded) until <paramref name="count"/> requests reached the wire.</summary>
    internal async Task WaitForRequests(int count)
    {
        for (int i = 0; i < 2000 && Requests.Count < count; i++)
        {
            await Task.Delay(1);
        }

        Assert.That(Requests.Count, Is.GreaterThanOrEqualTo(count), "requests seen");
    }

    /// <summary>
    /// Waits (real time, bounded) until the client schedules its next retry delay on the fake
    /// clock and returns that delay. Per-attempt timeout timers are skipped.
    /// </summary>
    internal async Task<TimeSpan> WaitForRetryDelay()
    {
        for (int i = 0; i < 2000; i++)
        {
            while (Time.TimerDueTimes.TryDequeue(out TimeSpan due))
            {
                if (due != Options.Timeout)
                {
                    return due;
                }
            }

            await Task.Delay(1);
        }

        Assert.Fail("no retry delay was scheduled");
        return TimeSpan.Zero;
    }

    public void Dispose()
    {
        Client.Dispose();
        HttpClient.Dispose();
        Mock.Dispose();
    }

    internal sealed record Captured(string Method, string Path, Dictionary<string, string> Headers, string Body)
    {
        internal static Captured From(HttpRequestMessage request)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var h in request.Headers)
            {
                headers[h.Key] = string.Join(",", h.Value);
            }

            string body = request.Content is null ? string.Empty : request.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            return new Captured(request.Method.Method, request.RequestUri!.AbsolutePath, headers, body);
        }

        internal string? Header(string name) => Headers.TryGetValue(name, out string? v) ? v : null;
    }
}
