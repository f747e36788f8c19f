using System.Globalization;
using Attesto.Http;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// Checks this installation and, with an API key, the connection to Attesto (spec §18):
/// self-test, Ed25519 availability, a number-policy dry run on a sample payload, head-store
/// directory writability, and reachability, protocol acceptance and clock skew (from the
/// server's <c>Date</c> header). Never throws for a failing check; each failure is a report line.
/// </summary>
public static class Doctor
{
    /// <summary>The largest clock skew reported as ok (the webhook replay window).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(300);

    private const string Skipped = "skipped: no api key";
    private const string ProbePath = "/v2/tenant/streams?limit=1";

    /// <summary>Runs every check.</summary>
    /// <param name="options">What to check; null runs the offline checks with defaults.</param>
    /// <param name="cancellationToken">Cancels the network checks.</param>
    /// <returns>The report.</returns>
    public static async Task<DoctorReport> RunAsync(DoctorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DoctorOptions();
        var checks = new List<DoctorCheck>
        {
            CheckSelfTest(),
            CheckEd25519(),
            CheckNumberPolicy(options.SamplePayload),
            CheckHeadStore(options.HeadStorePath ?? FileHeadStore.DefaultPath),
        };
        checks.AddRange(await CheckServiceAsync(options, cancellationToken).ConfigureAwait(false));
        return new DoctorReport(checks);
    }

    private static DoctorCheck CheckSelfTest()
    {
        string? failure = SelfTest.Failure;
        return new DoctorCheck("self_test", failure is null, failure ?? "passed: the embedded conformance vectors reproduce");
    }

    private static DoctorCheck CheckEd25519()
    {
        try
        {
            Ed25519PrivateKey key = Ed25519PrivateKey.Generate();
            byte[] message = "attesto doctor"u8.ToArray();
            byte[] signature = key.Sign(message);
            message[0] ^= 1;
            bool ok = !key.PublicKey.Verify(message, signature) && key.PublicKey.Verify("attesto doctor"u8, signature);
            return new DoctorCheck("ed25519", ok, ok ? "available: sign and verify round trip" : "sign/verify round trip gave a wrong answer");
        }
        catch (CryptoException ex)
        {
            return new DoctorCheck("ed25519", false, "unavailable: " + ex.Message);
        }
    }

    private static DoctorCheck CheckNumberPolicy(object? sample)
    {
        try
        {
            JToken payload = AttestoCanonicalJson.ToToken(sample ?? new { decision = "approve", score_bp = 8700 });
            AttestoCanonicalJson.CheckNumberPolicy(payload);
            return new DoctorCheck("number_policy", true, sample is null ? "passed on the built-in sample" : "passed on your sample payload");
        }
        catch (AttestoUnsafeNumberException ex)
        {
            return new DoctorCheck("number_policy", false, $"unsafe number at {ex.Path}; send decimals and large integers as strings");
        }
        catch (AttestoException ex)
        {
            return new DoctorCheck("number_policy", false, ex.Message);
        }
    }

    private static DoctorCheck CheckHeadStore(string path)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (string.IsNullOrEmpty(directory))
        {
            return new DoctorCheck("head_store", false, $"no directory in {path}");
        }

        string probe = Path.Combine(directory, $".doctor-{Guid.NewGuid():N}.tmp");
        try
        {
            if (!Directory.Exists(directory))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(directory);
                }
                else
                {
                    Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            if (FileHeadStore.UnsafeDirectoryProblem(directory) is { } problem)
            {
                return new DoctorCheck("head_store", false, problem);
            }

            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            return new DoctorCheck("head_store", true, $"writable: {directory}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new DoctorCheck("head_store", false, $"not writable: {directory} ({ex.Message})");
        }
    }

    private static async Task<DoctorCheck[]> CheckServiceAsync(DoctorOptions options, CancellationToken cancellationToken)
    {
        AttestoClientOptions? client = options.Client;
        if (client is null || string.IsNullOrWhiteSpace(client.ApiKey))
        {
            return [new("reachability", null, Skipped), new("protocol", null, Skipped), new("clock_skew_s", null, Skipped)];
        }

        var probeOptions = new AttestoClientOptions(client.ApiKey)
        {
            ValidateKeyFormat = client.ValidateKeyFormat,
            BaseUrl = client.BaseUrl,
            Timeout = client.Timeout,
            MaxRetries = 0,
            UserAgent = client.UserAgent,
            TimeProvider = client.TimeProvider,
        };
        try
        {
            using var transport = new AttestoTransport(probeOptions, options.HttpClient);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(transport.BaseUrl.AbsoluteUri.TrimEnd('/') + ProbePath));
            request.Options.Set(AttestoHttpHandler.ReturnErrorResponses, true);
            using HttpResponseMessage response = await transport.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return [Reachability(response), Protocol(response), ClockSkew(response, client.TimeProvider)];
        }
        catch (AttestoException ex)
        {
            string detail = "unreachable: " + ex.Message;
            return [new("reachability", false, detail), new("protocol", false, detail), new("clock_skew_s", false, detail)];
        }
    }

    private static DoctorCheck Reachability(HttpResponseMessage response)
    {
        int status = (int)response.StatusCode;
        return status switch
        {
            401 or 403 => new DoctorCheck("reachability", false, Invariant($"reachable, but the credentials were rejected (HTTP {status})")),
            >= 500 => new DoctorCheck("reachability", false, Invariant($"reachable, but the service failed (HTTP {status})")),
            _ => new DoctorCheck("reachability", true, Invariant($"reachable (HTTP {status})")),
        };
    }

    private static DoctorCheck Protocol(HttpResponseMessage response) =>
        (int)response.StatusCode == 426
            ? new DoctorCheck("protocol", false, $"the service does not accept {AttestoProtocol.Version} (HTTP 426)")
            : new DoctorCheck("protocol", true, $"accepted {AttestoProtocol.Version}");

    private static DoctorCheck ClockSkew(HttpResponseMessage response, TimeProvider timeProvider)
    {
        if (response.Headers.Date is not { } serverTime)
        {
            return new DoctorCheck("clock_skew_s", null, "unknown: the service sent no Date header");
        }

        long skew = (long)Math.Round((timeProvider.GetUtcNow() - serverTime).TotalSeconds);
        bool ok = Math.Abs(skew) <= MaxClockSkew.TotalSeconds;
        string direction = skew == 0 ? "in step with the service" : skew > 0 ? "local clock ahead of the service" : "local clock behind the service";
        return new DoctorCheck("clock_skew_s", ok, Invariant($"{skew} ({direction})"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
