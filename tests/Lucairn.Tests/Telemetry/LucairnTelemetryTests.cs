using System.Diagnostics;
using Lucairn.Testing;
using Lucairn.Tests.Verification;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;
using TestSupport;

namespace Lucairn.Tests.Telemetry;

[NonParallelizable]
public class LucairnTelemetryTests
{
    private const string Prompt = "Reply to {email} about the secret merger";
    private const string Email = "alice@example.com";

    private static ProxyMessagesRequest Request() => new()
    {
        PromptTemplate = Prompt,
        Context = new Dictionary<string, string> { ["email"] = Email },
    };

    [Test]
    public async Task Operations_and_verification_nest_under_the_callers_activity_with_http_attributes()
    {
        await using var emulator = LucairnEmulator.Start(new LucairnEmulatorOptions { CertificateDelay = TimeSpan.Zero });
        using var capture = new TelemetryCapture(LucairnTelemetry.ActivitySourceName);
        using var client = new LucairnClient(new LucairnClientOptions { ApiKey = emulator.ProApiKey, BaseUrl = emulator.BaseUrl, MaxRetries = 0 });
        using var parentSource = new ActivitySource("Lucairn.Tests.Caller");
        using var parentListener = TelemetryCapture.ListenTo(parentSource.Name);
        var baseUri = emulator.BaseUrl;

        VeilCertificate cert;
        using (Activity parent = parentSource.StartActivity("caller")!)
        {
            var sync = (ProxySyncResponse)await client.SendMessagesAsync(Request());
            cert = await client.GetCertificateAsync(sync.RequestId!);
            client.VerifyCertificate(cert, emulator.VerifyKeys);

            Activity messages = capture.Span("Lucairn.SendMessagesAsync");
            Activity get = capture.Span("Lucairn.GetCertificateAsync");
            Activity verify = capture.Span("Lucairn.VerifyCertificate");
            Assert.Multiple(() =>
            {
                foreach (Activity span in new[] { messages, get, verify })
                {
                    Assert.That(span.ParentSpanId, Is.EqualTo(parent.SpanId), span.DisplayName);
                    Assert.That(span.TraceId, Is.EqualTo(parent.TraceId), span.DisplayName);
                    Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset), span.DisplayName);
                    Assert.That(span.Source.Version, Is.EqualTo(typeof(LucairnClient).Assembly.GetName().Version!.ToString(3)));
                }

                Assert.That(messages.Kind, Is.EqualTo(ActivityKind.Client));
                Assert.That(messages.GetTagItem("lucairn.operation.name"), Is.EqualTo("SendMessagesAsync"));
                Assert.That(messages.GetTagItem("http.request.method"), Is.EqualTo("POST"));
                Assert.That(messages.GetTagItem("server.address"), Is.EqualTo(baseUri.Host));
                Assert.That(messages.GetTagItem("server.port"), Is.EqualTo(baseUri.Port));
                Assert.That(messages.GetTagItem("http.response.status_code"), Is.EqualTo(200));
                Assert.That(messages.GetTagItem("http.request.resend_count"), Is.Null);
                Assert.That(get.GetTagItem("http.request.method"), Is.EqualTo("GET"));
                Assert.That(verify.Kind, Is.EqualTo(ActivityKind.Internal));
                Assert.That(verify.GetTagItem("lucairn.verification.kind"), Is.EqualTo("certificate"));
                Assert.That(verify.GetTagItem("lucairn.verification.outcome"), Is.EqualTo("valid"));
                Assert.That(verify.GetTagItem("lucairn.verification.reason"), Is.Null);
            });
        }

        var durations = capture.Of("lucairn.client.operation.duration");
        var outcomes = capture.Of("lucairn.verifications");
        Assert.Multiple(() =>
        {
            Assert.That(durations.Select(d => d.Tags["lucairn.operation.name"]), Is.EquivalentTo(new[] { "SendMessagesAsync", "GetCertificateAsync" }));
            Assert.That(durations.All(d => d.Unit == "s" && d.Value > 0 && (int)d.Tags["http.response.status_code"]! == 200 && !d.Tags.ContainsKey("error.type")));
            Assert.That(outcomes, Has.Count.EqualTo(1));
            Assert.That(outcomes[0].Tags["lucairn.verification.outcome"], Is.EqualTo("valid"));
            Assert.That(capture.Of("lucairn.verification.duration").Single().Unit, Is.EqualTo("s"));
        });
        capture.AssertNoneOf(LeakedFragment, emulator.ProApiKey, Prompt, Email, "secret merger", cert.CertificateId, cert.RequestId, cert.WitnessSignature, cert.ToJObject().ToString(Newtonsoft.Json.Formatting.None));
    }

    [Test]
    public async Task A_retry_is_counted_on_the_span_and_the_retries_counter()
    {
        await using var emulator = LucairnEmulator.Start(new LucairnEmulatorOptions { CertificateDelay = TimeSpan.Zero });
        using var client = new LucairnClient(new LucairnClientOptions { ApiKey = emulator.ProApiKey, BaseUrl = emulator.BaseUrl, MaxRetries = 2 });
        var sync = (ProxySyncResponse)await client.SendMessagesAsync(Request());
        using var capture = new TelemetryCapture(LucairnTelemetry.ActivitySourceName);
        emulator.FailNext(503, retryAfter: TimeSpan.Zero);

        await client.GetCertificateSummaryAsync(sync.RequestId!);

        Activity span = capture.Span("Lucairn.GetCertificateSummaryAsync");
        var retries = capture.Of("lucairn.client.retries");
        Assert.Multiple(() =>
        {
            Assert.That(span.GetTagItem("http.request.resend_count"), Is.EqualTo(1));
            Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo(200));
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(retries, Has.Count.EqualTo(1));
            Assert.That(retries[0].Unit, Is.EqualTo("{retry}"));
            Assert.That(retries[0].Tags["http.response.status_code"], Is.EqualTo(503));
            Assert.That(retries[0].Tags["lucairn.operation.name"], Is.EqualTo("GetCertificateSummaryAsync"));
        });
        capture.AssertNoneOf(LeakedFragment, emulator.ProApiKey, sync.RequestId!);
    }

    [Test]
    public async Task An_http_error_sets_error_status_with_the_status_code_never_the_body()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(System.Net.HttpStatusCode.Forbidden, "application/json", "{\"error\":\"tier_insufficient\",\"detail\":\"leaked-body-text\"}");
        using var client = Support.TestClients.Create(mock);
        using var capture = new TelemetryCapture(LucairnTelemetry.ActivitySourceName);

        await Assert.CatchAsync<LucairnApiException>(() => client.SendMessagesAsync(Request()));

        Activity span = capture.Span("Lucairn.SendMessagesAsync");
        TelemetryCapture.Measurement duration = capture.Of("lucairn.client.operation.duration").Single();
        Assert.Multiple(() =>
        {
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(span.StatusDescription, Is.EqualTo("403"));
            Assert.That(span.GetTagItem("error.type"), Is.EqualTo("403"));
            Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo(403));
            Assert.That(span.GetTagItem("server.address"), Is.EqualTo("gateway.example.com"));
            Assert.That(span.GetTagItem("server.port"), Is.EqualTo(443));
            Assert.That(span.Events, Is.Empty);
            Assert.That(duration.Tags["error.type"], Is.EqualTo("403"));
        });
        capture.AssertNoneOf(LeakedFragment, Support.TestClients.LegacyKey, Prompt, Email, "leaked-body-text", "tier_insufficient");
    }

    [Test]
    public async Task A_validation_failure_is_an_error_with_the_exception_type()
    {
        using var mock = new MockHttpMessageHandler();
        using var client = Support.TestClients.Create(mock);
        using var capture = new TelemetryCapture(LucairnTelemetry.ActivitySourceName);

        await Assert.ThrowsAsync<LucairnValidationException>(() => client.ListAuditEventsAsync(new AuditExportOptions { Days = 500 }));

        Activity span = capture.Span("Lucairn.ListAuditEventsAsync");
        Assert.Multiple(() =>
        {
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(span.GetTagItem("error.type"), Is.EqualTo(typeof(LucairnValidationException).FullName));
            Assert.That(span.StatusDescription, Is.EqualTo(typeof(LucairnValidationException).FullName));
            Assert.That(span.GetTagItem("http.response.status_code"), Is.Null);
        });
    }

    [Test]
    public void A_failed_certificate_verification_records_outcome_invalid_and_the_reason_code()
    {
        string tampered = CertificateFixtures.Mutated("cert-valid-anchored.json", c => c["certificate_id"] = "cert_tampered_0001");
        using var capture = new TelemetryCapture(LucairnTelemetry.ActivitySourceName);

        var failure = Assert.Throws<LucairnCertificateException>(() => CertificateVerifier.Verify(tampered, CertificateFixtures.TestKeys))!;

        Activity span = capture.Span("Lucairn.VerifyCertificate");
        TelemetryCapture.Measurement outcome = capture.Of("lucairn.verifications").Single();
        Assert.Multiple(() =>
        {
            Assert.That(failure.Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(span.StatusDescription, Is.EqualTo("invalid_signature"));
            Assert.That(span.GetTagItem("lucairn.verification.outcome"), Is.EqualTo("invalid"));
            Assert.That(span.GetTagItem("lucairn.verification.reason"), Is.EqualTo("invalid_signature"));
            Assert.That(outcome.Unit, Is.EqualTo("{verification}"));
            Assert.That(outcome.Tags["lucairn.verification.kind"], Is.EqualTo("certificate"));
            Assert.That(outcome.Tags["lucairn.verification.outcome"], Is.EqualTo("invalid"));
            Assert.That(outcome.Tags["lucairn.verification.reason"], Is.EqualTo("invalid_signature"));
        });
        var cert = JObject.Parse(tampered);
        capture.AssertNoneOf(LeakedFragment, failure.Message, (string)cert["certificate_id"]!, (string)cert["request_id"]!, (string)cert["witness_signature"]!, CertificateFixtures.TestPublicKeyBase64);
    }

    [Test]
    public async Task Chain_verification_nests_under_the_client_span_with_verdict_outcome_and_reason_code()
    {
        await using var emulator = LucairnEmulator.Start(new LucairnEmulatorOptions { CertificateDelay = TimeSpan.Zero });
        using var client = new LucairnClient(new LucairnClientOptions { ApiKey = emulator.ProApiKey, BaseUrl = emulator.BaseUrl, MaxRetries = 0 });
        var request = new ProxyMessagesRequest { PromptTemplate = "Reply to {email}", Context = new Dictionary<string, string> { ["email"] = Email } };
        string honest = ((ProxySyncResponse)await client.SendMessagesAsync(request)).RequestId!;
        emulator.FaultNextCertificates(EmulatorCertificateFault.ClaimSignatureInvalid);
        string tampered = ((ProxySyncResponse)await client.SendMessagesAsync(request)).RequestId!;
        using var capture = new TelemetryCapture(LucairnTelemetry.ActivitySourceName);

        CertificateChainResult ok = await client.VerifyCertificateChainAsync(honest, emulator.ChainKeys);
        CertificateChainResult failed = await client.VerifyCertificateChainAsync(tampered, emulator.ChainKeys);

        Activity[] checks = [.. capture.Spans.Where(a => a.DisplayName == "Lucairn.VerifyCertificateChain")];
        Activity[] calls = [.. capture.Spans.Where(a => a.DisplayName == "Lucairn.VerifyCertificateChainAsync")];
        Assert.Multiple(() =>
        {
            Assert.That((ok.Verdict, failed.Verdict, failed.Reason), Is.EqualTo(("VERIFIED", "FAILED", "claim_signature_invalid")));
            Assert.That(checks, Has.Length.EqualTo(2));
            Assert.That(checks.Select(c => c.ParentSpanId), Is.EqualTo(calls.Select(c => c.SpanId)), "each check is a child of its client call");
            Assert.That(checks[0].GetTagItem("lucairn.verification.outcome"), Is.EqualTo("valid"));
            Assert.That(checks[0].GetTagItem("lucairn.verification.reason"), Is.Null);
            Assert.That(checks[1].GetTagItem("lucairn.verification.outcome"), Is.EqualTo("invalid"));
            Assert.That(checks[1].GetTagItem("lucairn.verification.reason"), Is.EqualTo("claim_signature_invalid"));
            Assert.That(checks[1].Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(capture.Of("lucairn.verifications").Select(m => m.Tags["lucairn.verification.kind"]), Is.EqualTo(new[] { "chain", "chain" }));
        });
        capture.AssertNoneOf(LeakedFragment, emulator.ProApiKey, Email, honest, tampered, emulator.ServicePublicKeys["dsa-ai"]);
    }

    [Test]
    public void An_argument_error_in_verification_is_outcome_error()
    {
        using var capture = new TelemetryCapture(LucairnTelemetry.ActivitySourceName, traces: false);

        Assert.Throws<LucairnValidationException>(() => CertificateVerifier.Verify(CertificateFixtures.Anchored, null!));

        TelemetryCapture.Measurement outcome = capture.Of("lucairn.verifications").Single();
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Tags["lucairn.verification.outcome"], Is.EqualTo("error"));
            Assert.That(outcome.Tags["lucairn.verification.reason"], Is.EqualTo(typeof(LucairnValidationException).FullName));
        });
    }

    [Test]
    public void Without_a_listener_the_verification_scope_costs_no_allocation()
    {
        Assert.That(LucairnTelemetry.Instance.VerificationsObserved, Is.False, "another listener is attached");
        VerifyCertificateKeys keys = CertificateFixtures.TestKeys;
        JObject cert = CertificateFixtures.Load("cert-valid-anchored.json");
        CertificateVerifier.Verify(cert, keys);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            using Shared.Telemetry.VerificationScope? span = LucairnTelemetry.Instance.StartVerification("Lucairn.VerifyCertificate", "certificate");
            span?.Complete(valid: true, reason: null);
        }

        long scopeBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(scopeBytes, Is.Zero);
        Assert.That(Shared.Telemetry.ClientOperation.Current, Is.Null);
    }



    // Fixed names and codes (one word) may occur inside a secret, e.g. "invalid_signature" in the exception text.
    /// <summary>A recorded string of 8+ characters that is part of a secret and not our own vocabulary.</summary>
    private static readonly Func<string, string, bool> LeakedFragment = static (t, secret) => t.Length >= 8 && secret.Contains(t, StringComparison.Ordinal) && !IsVocabulary(t);

    private static bool IsVocabulary(string text) => text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '{' or '}' or '-');
}
