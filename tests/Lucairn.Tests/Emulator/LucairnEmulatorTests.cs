using Lucairn;
using Lucairn.Http;
using Lucairn.Testing;
using Lucairn.Tests.Support;
using Lucairn.Tests.Verification;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Refit;

namespace Lucairn.Tests.Emulator;

/// <summary>End-to-end tests of every client method against the loopback emulator (real sockets).</summary>
public class LucairnEmulatorTests
{
    private static LucairnClient Client(LucairnEmulator emulator, string apiKey, Action<LucairnClientOptions>? tweak = null)
    {
        var config = new LucairnClientOptions { ApiKey = apiKey, BaseUrl = emulator.BaseUrl, MaxRetries = 0 };
        tweak?.Invoke(config);
        return new LucairnClient(config);
    }

    private static ProxyMessagesRequest Request() => new()
    {
        PromptTemplate = "Reply to {email}",
        Context = new Dictionary<string, string> { ["email"] = "alice@example.com", ["name"] = "Alice" },
    };

    private static LucairnRequestOptions Header(string name, string value) => new() { Headers = { [name] = value } };

    [Test]
    public async Task emulator_binds_loopback_and_messages_returns_sync_response()
    {
        await using var emulator = LucairnEmulator.Start();
        using var client = Client(emulator, emulator.ProApiKey);
        var sync = (ProxySyncResponse)await client.SendMessagesAsync(Request());
        Assert.Multiple(() =>
        {
            Assert.That(emulator.BaseUrl.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(sync.Status, Is.EqualTo(ProxyJobStatus.Completed));
            Assert.That(sync.ModelUsed, Is.EqualTo(LucairnEmulator.MockModel));
            Assert.That(sync.RedactionCount, Is.EqualTo(2));
            Assert.That(sync.RequestId, Is.Not.Empty);
            Assert.That(sync.Veil!.CertificateUrl, Is.EqualTo($"{emulator.BaseUrl.OriginalString}/api/v1/veil/certificate/{sync.RequestId}"));
        });
    }

    [Test]
    public async Task developer_tier_gets_no_veil_receipt_and_403_on_certificate_but_summary_works()
    {
        await using var emulator = LucairnEmulator.Start();
        using var client = Client(emulator, emulator.DeveloperApiKey);
        var sync = (ProxySyncResponse)await client.SendMessagesAsync(Request());
        var error = await Expect.Catch<LucairnApiException>(() => client.GetCertificateAsync(sync.RequestId!));
        string html = await client.GetCertificateSummaryAsync(sync.RequestId!);
        Assert.Multiple(() =>
        {
            Assert.That(sync.Veil, Is.Null);
            Assert.That(error.Status, Is.EqualTo(403));
            Assert.That(error.ResponseJson!["error"]!["code"]!.Value<string>(), Is.EqualTo("tier_insufficient"));
            Assert.That(html, Does.Contain(sync.RequestId).And.Contain("Mock evidence"));
        });
    }

    [Test]
    public async Task messages_returns_202_processing_on_request()
    {
        await using var emulator = LucairnEmulator.Start();
        using var client = Client(emulator, emulator.EnterpriseApiKey);
        var accepted = (ProxyAcceptedResponse)await client.SendMessagesAsync(Request(), Header(LucairnEmulator.AsyncHeader, "true"));
        Assert.Multiple(() =>
        {
            Assert.That(accepted.Status, Is.EqualTo("processing"));
            Assert.That(accepted.JobId, Is.EqualTo("job_" + accepted.RequestId));
            Assert.That(accepted.StatusUrl, Does.StartWith(emulator.BaseUrl.OriginalString));
            Assert.That(accepted.Veil!.Status, Is.EqualTo(ProxyVeilReceiptStatus.Pending));
        });
    }

    [Test]
    public async Task v3_certificate_verifies_with_emulator_key_and_fails_with_production_key()
    {
        await using var emulator = LucairnEmulator.Start();
        using var client = Client(emulator, emulator.ProApiKey);
        var sync = (ProxySyncResponse)await client.SendMessagesAsync(Request());
        VeilCertificate cert = await client.GetCertificateAsync(sync.RequestId!);

        VerifyCertificateResult result = client.VerifyCertificate(cert, emulator.VerifyKeys, SignableVersion.V3);
        var withProductionKey = Assert.Throws<LucairnCertificateException>(() =>
            CertificateVerifier.Verify(cert, new VerifyCertificateKeys(emulator.WitnessKeyId, CertificateFixtures.ProductionPublicKeyHex)))!;
        var asRealWitness = Assert.Throws<LucairnCertificateException>(() =>
            CertificateVerifier.Verify(cert, CertificateFixtures.ProductionKeys))!;
        Assert.Multiple(() =>
        {
            Assert.That(result.SignableVersion, Is.EqualTo(SignableVersion.V3));
            Assert.That(result.RequestId, Is.EqualTo(sync.RequestId));
            Assert.That(cert.ToJObject()["mock"]!.Value<bool>(), Is.True);
            Assert.That(cert.WitnessKeyId, Does.StartWith("mock-").And.Not.EqualTo("witness_v1"));
            Assert.That(cert.ApiKeyId, Does.StartWith("k_mock_pro"));
            Assert.That(withProductionKey.Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
            Assert.That(asRealWitness.Reason, Is.EqualTo(VerifyCertificateFailureReason.WitnessMismatch));
        });
    }

    [Test]
    public async Task emulator_certificate_verifies_from_raw_json_text_with_raw_public_key()
    {
        await using var emulator = LucairnEmulator.Start();
        using var client = Client(emulator, emulator.ProApiKey);
        var sync = (ProxySyncResponse)await client.SendMessagesAsync(Request());
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("x-api-key", emulator.ProApiKey);
        string raw = await http.GetStringAsync(new Uri($"{emulator.BaseUrl.OriginalString}/api/v1/veil/certificate/{sync.RequestId}"));
        var keys = new VerifyCertificateKeys(emulator.WitnessKeyId, emulator.WitnessPublicKey);
        Assert.That(CertificateVerifier.Verify(raw, keys, SignableVersion.V3).SignableVersion, Is.EqualTo(SignableVersion.V3));
    }

    [Test]
    public async Task v2_certificate_on_request_verifies_as_v2_and_fails_strict_mode()
    {
        await using var emulator = LucairnEmulator.Start();
        using var client = Client(emulator, emulator.ProApiKey);
        var sync = (ProxySyncResponse)await client.SendMessagesAsync(Request(), Header(LucairnEmulator.SignableVersionHeader, "v2"));
        VeilCertificate cert = await client.GetCertificateAsync(sync.RequestId!);
        var strict = Assert.Throws<LucairnCertificateException>(() => client.VerifyCertificate(cert, emulator.VerifyKeys, SignableVersion.V3))!;
        Assert.Multiple(() =>
        {
            Assert.That(client.VerifyCertificate(cert, emulator.VerifyKeys).SignableVersion, Is.EqualTo(SignableVersion.V2));
            Assert.That(cert.SignableV3Signature, Is.Null);
            Assert.That(strict.Reason, Is.EqualTo(VerifyCertificateFailureReason.SignableVersionInsufficient));
        });
    }

    [Test]
    public async Task v2_default_from_options()
    {
        await using var emulator = LucairnEmulator.Start(new LucairnEmulatorOptions { CertificateVersion = SignableVersion.V2 });
        using var client = Client(emulator, emulator.EnterpriseApiKey);
        var sync = (ProxySyncResponse)await client.SendMessagesAsync(Request());
        VeilCertificate cert = await client.GetCertificateAsync(sync.RequestId!);
        Assert.That(client.VerifyCertificate(cert, emulator.VerifyKeys).SignableVersion, Is.EqualTo(SignableVersion.V2));
    }

    [Test]
    public async Task certificate_and_summary_are_202_until_the_delay_elapses()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        await using var emulator = LucairnEmulator.Start(new LucairnEmulatorOptions { TimeProvider = time, CertificateDelay = TimeSpan.FromSeconds(30) });
        using var client = Client(emulator, emulator.ProApiKey);
        var sync = (ProxySyncResponse)await client.SendMessagesAsync(Request());

        var pending = await Expect.Catch<LucairnApiException>(() => client.GetCertificateAsync(sync.RequestId!));
        var summaryPending = await Expect.Catch<LucairnApiException>(() => client.GetCertificateSummaryAsync(sync.RequestId!));
        time.Advance(TimeSpan.FromSeconds(20));
        var stillPending = await Expect.Catch<LucairnApiException>(() => client.GetCertificateAsync(sync.RequestId!));
        time.Advance(TimeSpan.FromSeconds(10));
        VeilCertificate cert = await client.GetCertificateAsync(sync.RequestId!);
        Assert.Multiple(() =>
        {
            Assert.That(pending.Status, Is.EqualTo(202));
            Assert.That(pending.ResponseJson!["retry_after_seconds"]!.Value<int>(), Is.EqualTo(30));
            Assert.That(summaryPending.Status, Is.EqualTo(202));
            Assert.That(summaryPending.ResponseBody, Is.TypeOf<string>());
            Assert.That(stillPending.ResponseJson!["retry_after_seconds"]!.Value<int>(), Is.EqualTo(10));
            Assert.That(cert.IssuedAt, Does.StartWith("2026-06-01T12:00:00"));
            Assert.That(client.VerifyCertificate(cert, emulator.VerifyKeys).WitnessAssertedIssuedAt, Is.EqualTo(time.Start));
        });
    }

    [Test]
    public async Task unknown_and_foreign_request_ids_look_pending()
    {
        await using var emulator = LucairnEmulator.Start();
        using var pro = Client(emulator, emulator.ProApiKey);
        using var enterprise = Client(emulator, emulator.EnterpriseApiKey);
        var sync = (ProxySyncResponse)await pro.SendMessagesAsync(Request());
        Assert.Multiple(async () =>
        {
            Assert.That((await Expect.Catch<LucairnApiException>(() => pro.GetCertificateAsync("no-such-request"))).Status, Is.EqualTo(202));
            Assert.That((await Expect.Catch<LucairnApiException>(() => enterprise.GetCertificateAsync(sync.RequestId!))).Status, Is.EqualTo(202));
            Assert.That((await Expect.Catch<LucairnApiException>(() => pro.GetCertificateAsync("../../audit/export"))).Status, Is.EqualTo(202), "path escape stays one segment");
        });
    }

    [Test]
    public async Task invalid_and_missing_api_keys_are_401()
    {
        await using var emulator = LucairnEmulator.Start();
        using var client = Client(emulator, "lcr_live_not_a_key_of_this_emulator");
        var invalid = await Expect.Catch<LucairnApiException>(() => client.ListAuditEventsAsync());
        using var http = new HttpClient();
        using HttpResponseMessage missing = await http.GetAsync(new Uri(emulator.BaseUrl.OriginalString + "/api/v1/audit/export"));
        Assert.Multiple(async () =>
        {
            Assert.That(invalid.Status, Is.EqualTo(401));
            Assert.That(invalid.ResponseJson!["error"]!["code"]!.Value<string>(), Is.EqualTo("invalid_api_key"));
            Assert.That((int)missing.StatusCode, Is.EqualTo(401));
            Assert.That(await missing.Content.ReadAsStringAsync(), Does.Contain("missing_api_key"));
        });
    }

    [Test]
    public async Task audit_events_recorded_for_every_call_and_filtered()
    {
        await using var emulator = LucairnEmulator.Start();
        using var client = Client(emulator, emulator.ProApiKey);
        var sync = (ProxySyncResponse)await client.SendMessagesAsync(Request());
        await client.GetCertificateAsync(sync.RequestId!);
        await client.GetCertificateSummaryAsync(sync.RequestId!);
        AuditExportResponse all = await client.ListAuditEventsAsync(new AuditExportOptions { Days = 7 });
        AuditExportResponse completed = await client.ListAuditEventsAsync(new AuditExportOptions { Type = "proxy.completed" });
        Assert.Multiple(() =>
        {
            Assert.That(all.Events.Select(e => e.EventType), Is.EqualTo(new[] { "proxy.completed", "veil.certificate", "veil.summary" }));
            Assert.That(all.Events.All(e => e.RequestId == sync.RequestId), Is.True);
            Assert.That(all.TotalEvents, Is.EqualTo(3));
            Assert.That(all.Tier, Is.EqualTo("pro"));
            Assert.That(all.Source, Does.Contain("mock"));
            Assert.That(JObject.Parse(all.Events[0].Details)["redaction_count"]!.Value<int>(), Is.EqualTo(2));
            Assert.That(completed.Events, Has.Count.EqualTo(1));
            Assert.That(emulator.AuditEvents.Select(e => e.EventType), Does.Contain("audit.export"));
        });
    }

    [Test]
    public async Task audit_events_are_per_customer()
    {
        await using var emulator = LucairnEmulator.Start();
        using var pro = Client(emulator, emulator.ProApiKey);
        using var developer = Client(emulator, emulator.DeveloperApiKey);
        await pro.SendMessagesAsync(Request());
        AuditExportResponse developerExport = await developer.ListAuditEventsAsync();
        Assert.That(developerExport.Events, Is.Empty);
    }

    [Test]
    public async Task injected_status_faults_are_retried_by_the_client()
    {
        var clientTime = new FakeTimeProvider();
        await using var emulator = LucairnEmulator.Start();
        using var client = Client(emulator, emulator.ProApiKey, c => { c.MaxRetries = 2; c.TimeProvider = clientTime; });
        emulator.FailNext(503, count: 2, retryAfter: TimeSpan.FromSeconds(1));
        Task<AuditExportResponse> call = client.ListAuditEventsAsync();
        for (int i = 0; i < 2000 && !call.IsCompleted; i++)
        {
            clientTime.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        AuditExportResponse export = await call;
        Assert.That(export.CustomerId, Does.StartWith("cust_mock_pro"));
    }

    [Test]
    public async Task injected_fault_reaches_caller_when_not_retryable()
    {
        await using var emulator = LucairnEmulator.Start();
        using var client = Client(emulator, emulator.ProApiKey, c => c.MaxRetries = 2);
        emulator.FailNext(500);
        var error = await Expect.Catch<LucairnApiException>(() => client.SendMessagesAsync(Request()));
        Assert.Multiple(async () =>
        {
            Assert.That(error.Status, Is.EqualTo(500));
            Assert.That(error.ResponseJson!["error"]!["code"]!.Value<string>(), Is.EqualTo("emulated_fault"));
            Assert.That(await client.SendMessagesAsync(Request()), Is.InstanceOf<ProxySyncResponse>(), "only the next response was faulted");
        });
    }

    [Test]
    public async Task injected_fault_carries_its_error_code_and_retry_after_to_the_family_exception()
    {
        await using var emulator = LucairnEmulator.Start();
        using var client = Client(emulator, emulator.ProApiKey);
        emulator.FailNext(429, errorCode: "rate_limited", retryAfter: TimeSpan.FromSeconds(7));
        var error = await Expect.Throws<LucairnRateLimitException>(() => client.SendMessagesAsync(Request()));
        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(429));
            Assert.That(error.ErrorCode, Is.EqualTo("rate_limited"));
            Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
        });
    }

    [Test]
    public async Task a_dropped_connection_on_the_socket_is_a_connection_exception()
    {
        await using var emulator = LucairnEmulator.Start();
        using var client = Client(emulator, emulator.ProApiKey);
        emulator.DropNextConnection();
        var error = await Expect.Throws<LucairnConnectionException>(() => client.SendMessagesAsync(Request()));
        Assert.Multiple(async () =>
        {
            Assert.That(error.Status, Is.Null);
            Assert.That(await client.SendMessagesAsync(Request()), Is.InstanceOf<ProxySyncResponse>(), "only the next request was dropped");
            Assert.That(Assert.Throws<LucairnValidationException>(() => emulator.DropNextConnection(0))!.ParamName, Is.EqualTo("count"));
        });
    }

    [Test]
    public async Task fault_arguments_out_of_range_are_validation_errors()
    {
        await using var emulator = LucairnEmulator.Start();
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<LucairnValidationException>(() => emulator.FailNext(99))!.ParamName, Is.EqualTo("status"));
            Assert.That(Assert.Throws<LucairnValidationException>(() => emulator.FailNext(500, count: 0))!.ParamName, Is.EqualTo("count"));
            Assert.That(Assert.Throws<LucairnValidationException>(() => emulator.DelayNext(TimeSpan.Zero))!.ParamName, Is.EqualTo("delay"));
        });
    }

    [Test]
    public async Task injected_delay_triggers_the_client_timeout()
    {
        var time = new FakeTimeProvider();
        await using var emulator = LucairnEmulator.Start(new LucairnEmulatorOptions { TimeProvider = time });
        using var client = Client(emulator, emulator.ProApiKey, c => { c.TimeProvider = time; c.Timeout = TimeSpan.FromSeconds(5); });
        emulator.DelayNext(TimeSpan.FromSeconds(10));
        Task<string> call = client.GetCertificateSummaryAsync("req_x");
        time.Advance(TimeSpan.FromSeconds(6));
        var error = await Expect.Throws<LucairnTimeoutException>(() => call);
        Assert.That(error.Message, Does.Contain("5s"));
    }

    [Test]
    public async Task in_process_handler_shares_the_emulator_state()
    {
        await using var emulator = LucairnEmulator.Start();
        var config = new LucairnClientOptions { ApiKey = emulator.ProApiKey, BaseUrl = emulator.BaseUrl };
        using var client = new LucairnClient(config, new HttpClient(emulator.CreateHandler()));
        var sync = (ProxySyncResponse)await client.SendMessagesAsync(Request());
        VeilCertificate cert = await client.GetCertificateAsync(sync.RequestId!);
        Assert.Multiple(() =>
        {
            Assert.That(client.VerifyCertificate(cert, emulator.VerifyKeys).SignableVersion, Is.EqualTo(SignableVersion.V3));
            Assert.That(emulator.AuditEvents, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task refit_interface_usable_directly()
    {
        await using var emulator = LucairnEmulator.Start();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        ILucairnApi api = RestService.For<ILucairnApi>(http);
        var headers = new Dictionary<string, string> { ["x-api-key"] = emulator.DeveloperApiKey };
        using HttpResponseMessage response = await api.GetCertificateAsync("any", headers);
        using HttpResponseMessage export = await api.ListAuditEventsAsync(3, null, headers);
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(403));
            Assert.That((int)export.StatusCode, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task emulator_rejects_out_of_range_days()
    {
        await using var emulator = LucairnEmulator.Start();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("x-api-key", emulator.ProApiKey);
        using HttpResponseMessage response = await http.GetAsync(new Uri(emulator.BaseUrl.OriginalString + "/api/v1/audit/export?days=91"));
        Assert.That((int)response.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task concurrent_calls_through_one_client()
    {
        await using var emulator = LucairnEmulator.Start();
        using var client = Client(emulator, emulator.ProApiKey);
        ProxyResponse[] responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.SendMessagesAsync(Request())));
        Assert.That(responses.Cast<ProxySyncResponse>().Select(r => r.RequestId).Distinct().Count(), Is.EqualTo(20));
    }

    [TestCase("POST", "/api/v1/audit/export", null, 405)]
    [TestCase("GET", "/api/v1/proxy/messages", null, 405)]
    [TestCase("GET", "/api/v1/unknown", null, 404)]
    [TestCase("GET", "/api/v1/veil/certificate/a/b/summary", null, 404)]
    [TestCase("POST", "/api/v1/proxy/messages", "not json", 400)]
    [TestCase("POST", "/api/v1/proxy/messages", "{\"context\":{}}", 400)]
    [TestCase("POST", "/api/v1/proxy/messages", "{\"prompt_template\":\"p\",\"context\":{},\"stream\":true}", 400)]
    public async Task emulator_status_behaviour_for_bad_requests(string method, string path, string? body, int status)
    {
        await using var emulator = LucairnEmulator.Start();
        using var http = new HttpClient(emulator.CreateHandler());
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(emulator.BaseUrl.OriginalString + path));
        request.Headers.Add("x-api-key", emulator.ProApiKey);
        if (body is not null)
        {
            request.Content = new StringContent(body);
        }

        using HttpResponseMessage response = await http.SendAsync(request);
        Assert.That((int)response.StatusCode, Is.EqualTo(status));
    }

    [Test]
    public async Task summary_html_escapes_the_request_id()
    {
        await using var emulator = LucairnEmulator.Start();
        using var client = new LucairnClient(new LucairnClientOptions { ApiKey = emulator.ProApiKey, BaseUrl = emulator.BaseUrl }, new HttpClient(emulator.CreateHandler()));
        var sync = (ProxySyncResponse)await client.SendMessagesAsync(Request());
        string html = await client.GetCertificateSummaryAsync(sync.RequestId!);
        string pending = (string)(await Expect.Catch<LucairnApiException>(() => client.GetCertificateSummaryAsync("<script>"))).ResponseBody!;
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("not signed by the Lucairn witness"));
            Assert.That(pending, Does.Not.Contain("<script>"));
        });
    }
}
