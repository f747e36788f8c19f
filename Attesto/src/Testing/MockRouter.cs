using System.Collections.Concurrent;
using System.Globalization;
using Attesto.Http;
using Newtonsoft.Json.Linq;
using Shared.Http;

namespace Attesto.Testing;

/// <summary>
/// Routes emulator requests to the ledger: authentication, the v2 protocol gate (426), idempotent
/// replays by <c>Idempotency-Key</c>, injected faults, the v1 and v2 endpoints and the JSON-RPC chain.
/// </summary>
internal sealed class MockRouter(MockLedger ledger, MockFaults faults, string apiKey, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, EmulatorResponse> _replays = new(StringComparer.Ordinal);

    /// <summary>How many requests reached the router (including faulted ones).</summary>
    internal int RequestCount => _requestCount;

    private int _requestCount;

    internal async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requestCount);
        string path = request.RawPath;
        if (faults.TakeDelay() is { } delay)
        {
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        if (faults.TakeFailure() is { } forced)
        {
            if (forced.DropsConnection)
            {
                return EmulatorResponse.DropConnection();
            }

            // Attesto's error shape: FastAPI's "detail" message, the code as "error" (as in its 426 answer).
            var answer = Json(forced.Status, new JObject
            {
                ["error"] = forced.ErrorCode ?? "injected_failure",
                ["detail"] = $"HTTP {forced.Status} injected by MockAttesto.FailNext",
                ["mock"] = true,
            });
            return forced.RetryAfter is { } after ? answer.WithHeader("Retry-After", ((long)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture)) : answer;
        }

        if (request.Method == "POST" && path == "/rpc")
        {
            return Json(200, ledger.Chain.Answer(ParseObject(request)));
        }

        bool signedByConnector = path.StartsWith("/v2/connectors/signed-webhooks/", StringComparison.Ordinal);
        if (!path.StartsWith("/v1/public/", StringComparison.Ordinal) && !signedByConnector && request.BearerToken != apiKey)
        {
            return Error(401, "invalid or missing API key");
        }

        if (path.StartsWith("/v2/", StringComparison.Ordinal) && ProtocolProblem(request.Header(AttestoProtocol.ProtocolHeader)) is { } received)
        {
            return Json(426, new JObject
            {
                ["error"] = "protocol_mismatch",
                ["supported"] = AttestoProtocol.Version,
                ["received"] = received,
                ["hint"] = "upgrade the Attesto SDK",
                ["mock"] = true,
            });
        }

        string? key = request.Method == "POST" ? request.Header(AttestoProtocol.IdempotencyKeyHeader) : null;
        if (key is not null && _replays.TryGetValue(request.Method + " " + path + " " + key, out EmulatorResponse? replay))
        {
            return replay;
        }

        EmulatorResponse response;
        try
        {
            response = Json(200, Route(request, path.Split('/', StringSplitOptions.RemoveEmptyEntries)));
        }
        catch (MockError ex)
        {
            response = Error(ex.Status, ex.Message);
        }

        if (key is not null && response.Status < 500)
        {
            _replays.TryAdd(request.Method + " " + path + " " + key, response);
        }

        return response;
    }

    private string? ProtocolProblem(string? header)
    {
        if (faults.ProtocolMismatch)
        {
            return header ?? "(none)";
        }

        if (header is null)
        {
            return null;
        }

        string[] parts = header.Split('/');
        bool ok = parts.Length == 2 && parts[0] == AttestoProtocol.Name && parts[1].Split('.')[0] == AttestoProtocol.Version.Split('/')[1].Split('.')[0];
        return ok ? null : header;
    }

    private object Route(EmulatorRequest r, string[] s)
    {
        string m = r.Method;
        return (m, s) switch
        {
            ("POST", ["v2", "streams", var id, "events", "batch"]) => ledger.AppendBatch(Decode(id), ParseObject(r)["events"] as JArray ?? throw new MockError(422, "events must be an array")),
            ("POST", ["v2", "streams"]) => ledger.CreateStream(Text(ParseObject(r), "use_case"), Text(ParseObject(r), "policy_id")),
            ("POST", ["v2", "streams", var id, "events"]) => ledger.Append(Decode(id), ParseObject(r)),
            ("GET", ["v2", "receipts", var id]) => ledger.Receipt(Decode(id)),
            ("POST", ["v2", "connectors", "signed-webhooks", var id, "events"]) => ledger.AppendFromConnector(
                Decode(id), r.Header(ConnectorWebhooks.TimestampHeader), r.Header(ConnectorWebhooks.SignatureHeader), r.Body, ParseObject(r)),
            ("POST", ["v2", "verify"]) => Verify(ParseObject(r)),
            ("GET", ["v2", "checkpoints", var id, "consistency"]) => ledger.Consistency(Decode(id), r.Query["from_checkpoint_id"] ?? throw new MockError(422, "from_checkpoint_id is required")),
            ("GET", ["v2", "witness", "policies", var id]) => ledger.WitnessPolicy(Decode(id)),
            ("POST", ["v2", "audit", "packs"]) => ledger.Bundle(Text(ParseObject(r), "from_checkpoint_id"), Text(ParseObject(r), "to_checkpoint_id")),
            ("GET", ["v2", "anchors", var id]) => ledger.AnchorEpoch(Decode(id)),
            ("GET", ["v2", "ivc", "epochs", var id]) => ledger.IvcEpoch(Decode(id)),
            ("GET", ["v2", "windows"]) => Page(r, "windows", r.Query["stream_id"]),
            ("GET", ["v2", "checkpoints"]) => Page(r, "checkpoints", r.Query["stream_id"]),
            ("GET", ["v2", "tenant", "streams"]) => Page(r, "streams", null),
            ("GET", ["v2", "tenant", "streams", var id, "events"]) => Page(r, "events", Decode(id)),
            ("GET", ["v2", "tenant", "fork-evidence"]) => Page(r, "fork-evidence", r.Query["stream_id"]),
            ("GET", ["v2", "tenant", "ivc", "epochs"]) => Page(r, "ivc-epochs", null),
            ("POST", ["v1", "sdk", "events"]) => ledger.LogV1(ParseObject(r)),
            ("POST", ["v1", "sdk", "events", "batch"]) => LogV1Batch(ParseObject(r)),
            ("GET", ["v1", "events", var id, "proof"]) => ledger.ProofV1(Decode(id)),
            ("POST", ["v1", "public", "verify"]) => ledger.VerifyV1(ParseObject(r)),
            _ => throw new MockError(404, $"no route {m} {r.RawPath}"),
        };
    }

    private JObject LogV1Batch(JObject body)
    {
        if (body["events"] is not JArray events || events.Count is 0 or > 1000)
        {
            throw new MockError(422, "events must be an array of 1 to 1000 events");
        }

        var acks = new JArray(events.Select(e => ledger.LogV1(e as JObject ?? throw new MockError(422, "every event must be an object"))));
        return new JObject { ["accepted"] = acks.Count, ["events"] = acks, ["mock"] = true };
    }

    private JObject Verify(JObject body)
    {
        string kind = Text(body, "kind");
        JToken proofObject = body["proof_object"] ?? throw new MockError(422, "proof_object is required");
        return kind switch
        {
            "receipt" when proofObject is JObject receipt => Report("receipt", ["receipt_signature"], Receipts.Verify(receipt, ledger.ReceiptPublicKeyHex, allowMock: true).Problems),
            "bundle" when proofObject is JObject bundle => ToJson(VerifierBundle.Verify(bundle, new VerifierBundleKeys(ledger.ReceiptPublicKeyHex, ledger.WitnessPublicKeys) { AllowMock = true })),
            _ => throw new MockError(422, $"unsupported kind '{kind}'"),
        };
    }

    private static JObject Report(string kind, IEnumerable<string> checks, IEnumerable<string> problems)
    {
        var list = problems.ToList();
        return new JObject { ["ok"] = list.Count == 0, ["kind"] = kind, ["checked"] = new JArray(checks), ["problems"] = new JArray(list), ["mock"] = true };
    }

    private static JObject ToJson(VerifierBundleReport report) => Report(report.Kind, report.Checked, report.Problems);

    private JObject Page(EmulatorRequest r, string kind, string? streamId)
    {
        int limit = Int(r.Query["limit"], 100), offset = Int(r.Query["offset"], 0);
        if (limit is < 1 or > 1000 || offset < 0)
        {
            throw new MockError(422, "limit must be 1..1000 and offset ≥ 0");
        }

        return ledger.Page(kind, streamId, limit, offset);
    }

    private static int Int(string? text, int fallback) =>
        text is null ? fallback : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : throw new MockError(422, $"'{text}' is not a non-negative integer");

    private static string Decode(string segment) => Uri.UnescapeDataString(segment);

    private static string Text(JObject body, string name) =>
        body[name] is JValue { Type: JTokenType.String } value && !string.IsNullOrEmpty((string?)value) ? (string)value! : throw new MockError(422, $"{name} is required");

    private static JObject ParseObject(EmulatorRequest request)
    {
        try
        {
            return AttestoCanonicalJson.Parse(request.BodyText) as JObject ?? throw new MockError(400, "the body must be a JSON object");
        }
        catch (AttestoException ex)
        {
            throw new MockError(400, "the body is not acceptable JSON: " + ex.Message);
        }
    }

    private static EmulatorResponse Json(int status, object body) =>
        EmulatorResponse.Json(status, body as string ?? ((JToken)body).ToString(Newtonsoft.Json.Formatting.None));

    private static EmulatorResponse Error(int status, string detail) => Json(status, new JObject { ["detail"] = detail, ["mock"] = true });
}
