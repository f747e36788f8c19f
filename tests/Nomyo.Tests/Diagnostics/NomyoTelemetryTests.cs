using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using TestSupport;

namespace Nomyo.Tests;

[NonParallelizable]
public class NomyoTelemetryTests
{
    private const string Prompt = "My secret prompt about account 12345";

    [Test]
    public async Task CreateAsync_is_one_client_span_under_the_caller_with_encrypt_and_decrypt_durations()
    {
        var emulator = Harness.InProcessEmulator();
        using var client = Harness.Client(emulator);
        await client.CreateAsync("m", Harness.Hello("warm up"));
        using var capture = new TelemetryCapture(NomyoTelemetry.ActivitySourceName);
        using var callerSource = new ActivitySource("Nomyo.Tests.Caller");
        using var callerListener = TelemetryCapture.ListenTo(callerSource.Name);

        ChatCompletion answer;
        using (Activity caller = callerSource.StartActivity("caller")!)
        {
            answer = await client.CreateAsync("m", Harness.Hello(Prompt));

            Activity span = capture.Span("Nomyo.CreateAsync");
            Assert.Multiple(() =>
            {
                Assert.That(span.ParentSpanId, Is.EqualTo(caller.SpanId));
                Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
                Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
                Assert.That(span.GetTagItem("nomyo.operation.name"), Is.EqualTo("CreateAsync"));
                Assert.That(span.GetTagItem("http.request.method"), Is.EqualTo("POST"));
                Assert.That(span.GetTagItem("server.address"), Is.EqualTo(emulator.BaseUrl.Host));
                Assert.That(span.GetTagItem("server.port"), Is.EqualTo(emulator.BaseUrl.Port));
                Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo(200));
            });
        }

        Assert.Multiple(() =>
        {
            Assert.That(capture.Of("nomyo.encryption.duration").Single().Unit, Is.EqualTo("s"));
            Assert.That(capture.Of("nomyo.decryption.duration").Single().Value, Is.GreaterThan(0));
            Assert.That(capture.Of("nomyo.client.operation.duration").Single().Tags["http.response.status_code"], Is.EqualTo(200));
        });
        capture.AssertNoneOf(Harness.ApiKey, Prompt, answer.Choices[0].Message.Content!, emulator.ServerPublicKeyPem, emulator.ServerKeyPin);
    }

    [Test]
    public async Task A_retry_is_counted_and_an_error_status_is_recorded_without_its_detail()
    {
        var time = new FakeTimeProvider();
        var emulator = Harness.InProcessEmulator(time: time);
        using var client = Harness.Client(emulator, o => o.TimeProvider = time);
        using var capture = new TelemetryCapture(NomyoTelemetry.ActivitySourceName);

        emulator.FailNext(503, count: 1);
        await Harness.DriveAsync(time, client.CreateAsync("m", Harness.Hello(Prompt)), TimeSpan.FromMilliseconds(250));
        emulator.FailNext(403, errorCode: "leaked_detail_tenant_42");
        var failure = await Assert.ThrowsAsync<NomyoForbiddenException>(() => client.CreateAsync("m", Harness.Hello(Prompt)));

        var spans = capture.Spans.Where(s => s.DisplayName == "Nomyo.CreateAsync").ToList();
        var retries = capture.Of("nomyo.client.retries");
        Assert.Multiple(() =>
        {
            Assert.That(spans, Has.Count.EqualTo(2));
            Assert.That(spans[0].GetTagItem("http.request.resend_count"), Is.EqualTo(1));
            Assert.That(spans[0].Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(retries.Single().Tags["http.response.status_code"], Is.EqualTo(503));
            Assert.That(spans[1].Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(spans[1].StatusDescription, Is.EqualTo("403"));
            Assert.That(spans[1].GetTagItem("error.type"), Is.EqualTo("403"));
            Assert.That(spans[1].GetTagItem("http.response.status_code"), Is.EqualTo(403));
            Assert.That(spans[1].Events, Is.Empty);
        });
        capture.AssertNoneOf(Harness.ApiKey, Prompt, failure!.Message, "leaked_detail");
    }

    [Test]
    public void Without_a_listener_crypto_timing_costs_nothing()
    {
        Assert.That(NomyoTelemetry.EncryptionDuration.Enabled, Is.False, "another listener is attached");
        long before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        for (int i = 0; i < 1000; i++)
        {
            long started = NomyoTelemetry.StartTiming(NomyoTelemetry.EncryptionDuration);
            sum += started;
            NomyoTelemetry.StopTiming(NomyoTelemetry.EncryptionDuration, started);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(sum, Is.Zero, "no clock is read when nothing listens");
    }
}
