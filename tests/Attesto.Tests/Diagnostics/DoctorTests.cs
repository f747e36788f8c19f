using System.Net;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace Attesto.Tests.Diagnostics;

public class DoctorTests
{
    private static string TempHeads() => Path.Combine(Path.GetTempPath(), $"attesto-doctor-{Guid.NewGuid():N}", "heads.json");

    [Test]
    public async Task Offline_report_has_the_fixed_keys_and_skips_network_checks()
    {
        string heads = TempHeads();
        DoctorReport report = await Doctor.RunAsync(new DoctorOptions { HeadStorePath = heads });
        Assert.That(report.Checks.Select(c => c.Name), Is.EqualTo(new[] { "self_test", "ed25519", "number_policy", "head_store", "reachability", "protocol", "clock_skew_s" }));
        Assert.That(report["self_test"]!.Ok, Is.True);
        Assert.That(report["ed25519"]!.Ok, Is.True);
        Assert.That(report["number_policy"]!.Ok, Is.True);
        Assert.That(report["head_store"]!.Ok, Is.True, report["head_store"]!.Detail);
        Assert.That(report["reachability"], Is.EqualTo(new DoctorCheck("reachability", null, "skipped: no api key")));
        Assert.That(report.Ok, Is.True);
        Assert.That((string?)report.ToJson()["protocol"]!["detail"], Is.EqualTo("skipped: no api key"));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(heads)!), Is.Empty, "the probe file is removed");
        Directory.Delete(Path.GetDirectoryName(heads)!);
        Assert.That((await Doctor.RunAsync(new DoctorOptions { HeadStorePath = heads })).ToString(), Is.EqualTo(report.ToString().Replace(Path.GetDirectoryName(heads)!, Path.GetDirectoryName(heads)!, StringComparison.Ordinal)));
        Directory.Delete(Path.GetDirectoryName(heads)!);
    }

    [Test]
    public async Task Sample_payload_dry_run_reports_the_path()
    {
        DoctorReport report = await Doctor.RunAsync(new DoctorOptions { SamplePayload = new { score = 0.87 }, HeadStorePath = TempHeads() });
        Assert.That(report["number_policy"]!.Ok, Is.False);
        Assert.That(report["number_policy"]!.Detail, Does.Contain("$.score"));
        Assert.That(report.Ok, Is.False);
    }

    [Test]
    public async Task Unwritable_head_store_fails()
    {
        string file = Path.GetTempFileName();
        try
        {
            DoctorReport report = await Doctor.RunAsync(new DoctorOptions { HeadStorePath = Path.Combine(file, "heads.json") });
            Assert.That(report["head_store"]!.Ok, Is.False);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Head_directory_others_can_write_fails_as_the_store_would()
    {
        string heads = TempHeads();
        string directory = Path.GetDirectoryName(heads)!;
        Directory.CreateDirectory(directory);
        try
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
            DoctorReport report = await Doctor.RunAsync(new DoctorOptions { HeadStorePath = heads });
            Assert.That(report["head_store"]!.Ok, Is.False);
            Assert.That(report["head_store"]!.Detail, Does.Contain("writable by group or others"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task With_a_key_it_checks_reachability_protocol_and_clock_skew()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 7, 12, 0, 42, TimeSpan.Zero));
        using var mock = new MockHttpMessageHandler();
        string? protocolHeader = null;
        mock.When(HttpMethod.Get, "https://verify.attesto.eu/v2/tenant/streams").Respond(req =>
        {
            protocolHeader = req.Headers.GetValues("X-Attesto-Protocol").Single();
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[]") };
            response.Headers.Date = new DateTimeOffset(2026, 6, 7, 12, 0, 0, TimeSpan.Zero);
            return response;
        });
        using HttpClient http = mock.ToHttpClient();
        DoctorReport report = await Doctor.RunAsync(new DoctorOptions
        {
            Client = new AttestoClientOptions(Client.ClientHarness.Key) { TimeProvider = time },
            HttpClient = http,
            HeadStorePath = TempHeads(),
        });
        Assert.That(report["reachability"]!.Ok, Is.True);
        Assert.That(report["protocol"]!.Ok, Is.True);
        Assert.That(report["clock_skew_s"], Is.EqualTo(new DoctorCheck("clock_skew_s", true, "42 (local clock ahead of the service)")));
        Assert.That(protocolHeader, Is.EqualTo("ATTESTO-PROOFSTREAM-001/0.1-alpha"));
    }

    [TestCase(426, "reachability", true, "protocol", false)]
    [TestCase(401, "reachability", false, "protocol", true)]
    [TestCase(503, "reachability", false, "protocol", true)]
    public async Task Service_answers_map_to_check_outcomes(int status, string first, bool firstOk, string second, bool secondOk)
    {
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond((HttpStatusCode)status, "application/json", "{\"error\":\"x\"}");
        using HttpClient http = mock.ToHttpClient();
        DoctorReport report = await Doctor.RunAsync(new DoctorOptions { Client = new AttestoClientOptions(Client.ClientHarness.Key), HttpClient = http, HeadStorePath = TempHeads() });
        Assert.That(report[first]!.Ok, Is.EqualTo(firstOk), report.ToString());
        Assert.That(report[second]!.Ok, Is.EqualTo(secondOk), report.ToString());
        Assert.That(report["clock_skew_s"]!.Ok, Is.Null);
    }

    [Test]
    public async Task Unreachable_service_fails_the_network_checks()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Throw(new HttpRequestException("no route"));
        using HttpClient http = mock.ToHttpClient();
        DoctorReport report = await Doctor.RunAsync(new DoctorOptions { Client = new AttestoClientOptions(Client.ClientHarness.Key), HttpClient = http, HeadStorePath = TempHeads() });
        Assert.That(report["reachability"]!.Ok, Is.False);
        Assert.That(report["reachability"]!.Detail, Does.Contain("unreachable"));
    }
}
