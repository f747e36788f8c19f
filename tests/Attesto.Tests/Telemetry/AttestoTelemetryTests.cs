using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Attesto.Testing;
using Attesto.Tests.Mock;
using Newtonsoft.Json.Linq;
using Shared.Crypto;
using TestSupport;

namespace Attesto.Tests.Telemetry;

[NonParallelizable]
public class AttestoTelemetryTests
{
    private const string SecretPayload = "patient 4711 denied credit";

    [Test]
    public async Task Client_operations_nest_under_the_caller_and_receipt_checks_nest_under_the_write()
    {
        await using var mock = MockAttesto.Start();
        using var client = MockClients.Loopback(mock, new MemoryHeadStore());
        using var capture = new TelemetryCapture(AttestoTelemetry.ActivitySourceName);
        using var callerSource = new ActivitySource("Attesto.Tests.Caller");
        using var callerListener = TelemetryCapture.ListenTo(callerSource.Name);

        StreamEventReceipt written;
        using (Activity caller = callerSource.StartActivity("caller")!)
        {
            ProofStream stream = await client.CreateStreamAsync("credit-decisions", "pol_default");
            written = await client.LogEventAsync(stream.StreamId!, "ref-1", new { note = SecretPayload });
            await client.GetReceiptAsync(written.StreamEventId!);
            await foreach (Window _ in client.GetAllWindowsAsync(stream.StreamId!))
            {
            }

            Activity create = capture.Span("Attesto.CreateStreamAsync");
            Activity log = capture.Span("Attesto.LogEventAsync");
            Activity get = capture.Span("Attesto.GetReceiptAsync");
            Activity iterate = capture.Span("Attesto.GetAllWindowsAsync");
            var receiptChecks = capture.Spans.Where(s => s.DisplayName == "Attesto.VerifyReceipt").ToList();
            var baseUri = mock.BaseUrl;
            Assert.Multiple(() =>
            {
                foreach (Activity span in new[] { create, log, get, iterate })
                {
                    Assert.That(span.ParentSpanId, Is.EqualTo(caller.SpanId), span.DisplayName);
                    Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client), span.DisplayName);
                    Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset), span.DisplayName);
                    Assert.That(span.GetTagItem("server.address"), Is.EqualTo(baseUri.Host), span.DisplayName);
                    Assert.That(span.GetTagItem("server.port"), Is.EqualTo(baseUri.Port), span.DisplayName);
                    Assert.That(span.GetTagItem("http.response.status_code"), Is.InRange(200, 299), span.DisplayName);
                }

                Assert.That(create.GetTagItem("http.request.method"), Is.EqualTo("POST"));
                Assert.That(create.GetTagItem("attesto.operation.name"), Is.EqualTo("CreateStreamAsync"));
                Assert.That(get.GetTagItem("http.request.method"), Is.EqualTo("GET"));
                Assert.That(receiptChecks, Has.Count.EqualTo(2));
                Assert.That(receiptChecks.Select(s => s.ParentSpanId), Is.EquivalentTo(new[] { log.SpanId, get.SpanId }));
                Assert.That(receiptChecks.All(s => (string?)s.GetTagItem("attesto.verification.outcome") == "valid"));
            });
        }

        Assert.That(capture.Of("attesto.client.operation.duration").Select(m => m.Tags["attesto.operation.name"]),
            Is.EquivalentTo(new[] { "CreateStreamAsync", "LogEventAsync", "GetReceiptAsync", "GetAllWindowsAsync" }));
        var signature = (string)written.GetReceipt()!["signature"]!;
        capture.AssertNoneOf(mock.ApiKey, SecretPayload, signature, written.EventHash!, written.StreamEventId!, "ref-1");
    }

    [Test]
    public async Task Retries_and_errors_are_recorded_with_status_codes()
    {
        await using var mock = MockAttesto.Start();
        using var client = MockClients.Loopback(mock, new MemoryHeadStore(), maxRetries: 1);
        ProofStream stream = await client.CreateStreamAsync("credit-decisions", "pol_default");
        using var capture = new TelemetryCapture(AttestoTelemetry.ActivitySourceName);

        mock.FailNext(503, count: 1, retryAfter: TimeSpan.Zero);
        await client.LogEventAsync(stream.StreamId!, "ref-2", new { note = SecretPayload });
        mock.FailNext(500, count: 2, retryAfter: TimeSpan.Zero);
        var failure = await Assert.ThrowsAsync<AttestoServerException>(() => client.GetReceiptAsync("sev_missing_0001"));

        Activity log = capture.Span("Attesto.LogEventAsync");
        Activity get = capture.Span("Attesto.GetReceiptAsync");
        var retries = capture.Of("attesto.client.retries");
        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.Not.Null);
            Assert.That(log.GetTagItem("http.request.resend_count"), Is.EqualTo(1));
            Assert.That(log.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(get.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(get.StatusDescription, Is.EqualTo("500"));
            Assert.That(get.GetTagItem("error.type"), Is.EqualTo("500"));
            Assert.That(get.GetTagItem("http.response.status_code"), Is.EqualTo(500));
            Assert.That(get.GetTagItem("http.request.resend_count"), Is.EqualTo(1));
            Assert.That(retries.Select(r => r.Tags["http.response.status_code"]), Is.EqualTo(new object[] { 503, 500 }));
            Assert.That(capture.Of("attesto.client.operation.duration").Single(m => (string)m.Tags["attesto.operation.name"]! == "GetReceiptAsync").Tags["error.type"], Is.EqualTo("500"));
        });
        capture.AssertNoneOf(mock.ApiKey, SecretPayload, failure!.Message, "sev_missing_0001");
    }

    [Test]
    public async Task Offline_verifications_record_kind_outcome_and_a_data_free_reason()
    {
        await using var mock = MockAttesto.Start(new MockAttestoOptions { WindowSize = 2 });
        using var client = MockClients.Loopback(mock, new MemoryHeadStore());
        ProofStream stream = await client.CreateStreamAsync("credit-decisions", "pol_default");
        StreamEventBatchResult batch = await client.LogEventsAsync(stream.StreamId!, MockClients.Events(1, 2));
        StreamEventReceipt fetched = await client.GetReceiptAsync(batch.Receipts![0].StreamEventId!);
        string checkpointId = mock.CreateCheckpoint(stream.StreamId!);
        VerifierBundleResult bundle = await client.BuildVerifierBundleAsync(checkpointId, checkpointId);
        InclusionProof inclusion = fetched.Inclusion!;
        var tampered = (JObject)batch.Receipts[0].GetReceipt()!.DeepClone();
        tampered["payload"]!["seq_no"] = 99;
        using var capture = new TelemetryCapture(AttestoTelemetry.ActivitySourceName);

        Assert.That(Receipts.Verify(batch.Receipts[0].GetReceipt()!, mock.PublicKeyHex).Ok, Is.False);
        Assert.That(Receipts.Verify(tampered, mock.PublicKeyHex, allowMock: true).Ok, Is.False);
        Assert.That(Proofs.VerifyInclusion(inclusion.LeafHash!, inclusion.GetProof()!, inclusion.WindowRoot!), Is.True);
        Assert.That(Proofs.VerifyInclusion(inclusion.LeafHash!, inclusion.GetProof()!, new string('0', 64)), Is.False);
        Assert.That(Proofs.VerifyInclusion(inclusion.LeafHash!, new JArray("not a step"), inclusion.WindowRoot!), Is.False);
        Assert.That(Completeness.Verify(new JArray(), 1, 3).Ok, Is.False);
        Assert.That(VerifierBundle.Verify(bundle.GetBundle()!, new VerifierBundleKeys(mock.PublicKeyHex, mock.WitnessPublicKeys)).Ok, Is.False);

        var outcomes = capture.Of("attesto.verifications")
            .Select(m => $"{m.Tags["attesto.verification.kind"]}:{m.Tags["attesto.verification.outcome"]}:{(m.Tags.TryGetValue("attesto.verification.reason", out object? r) ? r : "-")}")
            .ToList();
        Assert.That(outcomes, Is.EqualTo(new[]
        {
            "receipt:invalid:mock_receipt",
            "receipt:invalid:signature_mismatch",
            "inclusion:valid:-",
            "inclusion:invalid:root_mismatch",
            "inclusion:invalid:malformed_proof",
            "completeness:invalid:missing",
            "receipt:invalid:mock_receipt",
            "receipt:invalid:mock_receipt",
            "completeness:invalid:missing",
            "bundle:invalid:mock_bundle",
        }), "the bundle's own receipt and sequence checks are recorded as its children");
        Activity bundleSpan = capture.Span("Attesto.VerifyBundle");
        Assert.That(capture.Spans.Count(s => s.ParentSpanId == bundleSpan.SpanId), Is.EqualTo(3));
        Activity failed = capture.Spans.First(s => s.DisplayName == "Attesto.VerifyReceipt");
        Assert.Multiple(() =>
        {
            Assert.That(capture.Spans.Select(s => s.DisplayName).Distinct(), Is.EquivalentTo(new[] { "Attesto.VerifyReceipt", "Attesto.VerifyInclusion", "Attesto.VerifyCompleteness", "Attesto.VerifyBundle" }));
            Assert.That(failed.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(failed.StatusDescription, Is.EqualTo("mock_receipt"));
            Assert.That(capture.Of("attesto.verification.duration"), Has.Count.EqualTo(10));
        });
        capture.AssertNoneOf(mock.PublicKeyHex, inclusion.LeafHash!, inclusion.WindowRoot!, (string)tampered["signature"]!, bundle.BundleHash ?? "none", stream.StreamId!, "missing seq_no 1");
    }

    [Test]
    public void Without_a_listener_inclusion_verification_allocates_nothing()
    {
        Assert.That(AttestoTelemetry.Instance.VerificationsObserved, Is.False, "another listener is attached");
        const string windowTag = "attesto.v2.window";
        byte[] current = SHA256.HashData("leaf"u8);
        string leaf = Hex.Encode(current);
        var proof = new List<MerkleProofStep>();
        for (int level = 0; level < 20; level++)
        {
            byte[] sibling = SHA256.HashData(BitConverter.GetBytes(level));
            bool left = level % 3 == 0;
            proof.Add(new MerkleProofStep(Hex.Encode(sibling), left ? MerkleSide.Left : MerkleSide.Right));
            current = SHA256.HashData([.. Encoding.ASCII.GetBytes(windowTag), 0, .. left ? sibling : current, .. left ? current : sibling]);
        }

        string root = Hex.Encode(current);
        Assert.That(Proofs.VerifyInclusion(leaf, proof, root), Is.True);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            Proofs.VerifyInclusion(leaf, proof, root);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
