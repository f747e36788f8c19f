using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shared.Crypto;
using Shared.Http;

namespace Lucairn.Testing;

/// <summary>
/// The emulator's request handling: authentication by <c>x-api-key</c>, the four gateway
/// endpoints with the upstream status behaviour, audit recording and injected faults. Thread-safe.
/// </summary>
internal sealed class EmulatorGateway
{
    private const string CertificatePrefix = "/api/v1/veil/certificate/";
    private const string SummarySuffix = "/summary";

    private readonly LucairnEmulatorOptions _options;
    private readonly Ed25519PrivateKey _witnessKey;
    private readonly string _witnessKeyId;
    private readonly EmulatorServiceKeys _serviceKeys;
    private readonly Func<string> _baseUrl;
    private readonly ConcurrentDictionary<string, EmulatorCustomer> _customers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmulatedRequest> _requests = new(StringComparer.Ordinal);
    private readonly List<(EmulatorCustomer Customer, AuditEntry Entry)> _audit = [];
    private readonly Queue<EmulatorFault> _faults = new();
    private readonly Queue<EmulatorCertificateFault> _certificateFaults = new();
    private readonly object _gate = new();

    internal EmulatorGateway(LucairnEmulatorOptions options, Ed25519PrivateKey witnessKey, string witnessKeyId, EmulatorServiceKeys serviceKeys, Func<string> baseUrl)
    {
        _options = options;
        _witnessKey = witnessKey;
        _witnessKeyId = witnessKeyId;
        _serviceKeys = serviceKeys;
        _baseUrl = baseUrl;
    }

    private TimeProvider Time => _options.TimeProvider;

    internal void AddCustomer(EmulatorCustomer customer) => _customers[customer.ApiKey] = customer;

    internal void Enqueue(EmulatorFault fault, int count)
    {
        lock (_gate)
        {
            for (int i = 0; i < count; i++)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    internal void EnqueueCertificateFault(EmulatorCertificateFault fault, int count)
    {
        lock (_gate)
        {
            for (int i = 0; i < count; i++)
            {
                _certificateFaults.Enqueue(fault);
            }
        }
    }

    /// <summary>The completion text the emulator answers for a request (its SHA-256 is the dsa-ai claim's signed response hash).</summary>
    internal static string Completion(string requestId) => "[mock] completion from LucairnEmulator for request " + requestId;

    internal IReadOnlyList<AuditEntry> AuditEvents()
    {
        lock (_gate)
        {
            return _audit.Select(a => a.Entry).ToArray();
        }
    }

    internal async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        EmulatorFault? fault = NextFault();
        if (fault is not null && fault.Delay > TimeSpan.Zero)
        {
            await Task.Delay(fault.Delay, Time, cancellationToken).ConfigureAwait(false);
        }

        if (fault is { DropsConnection: true })
        {
            return EmulatorResponse.DropConnection();
        }

        if (fault?.Status is { } status)
        {
            var faulted = EmulatorResponse.Json(status, fault.Body ?? Error("emulated_fault", "Fault injected by LucairnEmulator."));
            return fault.RetryAfter is { } retryAfter
                ? faulted.WithHeader("Retry-After", ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture))
                : faulted;
        }

        string? apiKey = request.Header("x-api-key");
        if (string.IsNullOrEmpty(apiKey))
        {
            return EmulatorResponse.Json(401, Error("missing_api_key", "The x-api-key header is required."));
        }

        if (!_customers.TryGetValue(apiKey, out EmulatorCustomer? customer))
        {
            return EmulatorResponse.Json(401, Error("invalid_api_key", "The API key is not valid."));
        }

        return Route(request, customer);
    }

    private EmulatorResponse Route(EmulatorRequest request, EmulatorCustomer customer)
    {
        string path = request.RawPath;
        if (path == "/api/v1/proxy/messages")
        {
            return request.Method == "POST" ? Messages(request, customer) : MethodNotAllowed();
        }

        if (path == "/api/v1/audit/export")
        {
            return request.Method == "GET" ? AuditExport(request, customer) : MethodNotAllowed();
        }

        if (path.StartsWith(CertificatePrefix, StringComparison.Ordinal))
        {
            string rest = path[CertificatePrefix.Length..];
            bool summary = rest.EndsWith(SummarySuffix, StringComparison.Ordinal);
            string segment = summary ? rest[..^SummarySuffix.Length] : rest;
            if (segment.Length > 0 && !segment.Contains('/', StringComparison.Ordinal))
            {
                if (request.Method != "GET")
                {
                    return MethodNotAllowed();
                }

                string requestId = Uri.UnescapeDataString(segment);
                return summary ? Summary(requestId, customer) : Certificate(requestId, customer);
            }
        }

        return EmulatorResponse.Json(404, Error("not_found", "No such endpoint."));
    }

    private EmulatorResponse Messages(EmulatorRequest request, EmulatorCustomer customer)
    {
        JObject body;
        try
        {
            body = CanonicalJson.Parse(request.BodyText, LucairnCanonicalJson.Options) as JObject
                ?? throw new JsonException("The body is not a JSON object.");
        }
        catch (Exception ex) when (ex is JsonException or CryptoException)
        {
            return EmulatorResponse.Json(400, Error("invalid_request", "The body must be a JSON object: " + ex.Message));
        }

        if (body["prompt_template"]?.Type != JTokenType.String || body["context"] is not JObject context)
        {
            return EmulatorResponse.Json(400, Error("invalid_request", "prompt_template (string) and context (object) are required."));
        }

        if (body["stream"]?.Type == JTokenType.Boolean && (bool)body["stream"]!)
        {
            return EmulatorResponse.Json(400, Error("stream_unsupported", "Streaming is not supported on this endpoint."));
        }

        SignableVersion version = request.Header(LucairnEmulator.SignableVersionHeader) switch
        {
            "v2" => SignableVersion.V2,
            "v3" => SignableVersion.V3,
            _ => _options.CertificateVersion,
        };
        string requestId = Hex.Encode(Guid.NewGuid().ToByteArray());
        EmulatorCertificateFault certificateFault;
        lock (_gate)
        {
            certificateFault = _certificateFaults.TryDequeue(out EmulatorCertificateFault next) ? next : EmulatorCertificateFault.None;
        }

        var emulated = new EmulatedRequest(requestId, customer, Time.GetUtcNow(), version, context.Count, certificateFault);
        _requests[requestId] = emulated;
        JObject? veil = customer.Tier == LucairnTier.Developer ? null : new JObject
        {
            ["status"] = "pending",
            ["certificate_url"] = _baseUrl() + CertificatePrefix + requestId,
            ["summary_url"] = _baseUrl() + CertificatePrefix + requestId + SummarySuffix,
        };

        bool asynchronous = string.Equals(request.Header(LucairnEmulator.AsyncHeader), "true", StringComparison.OrdinalIgnoreCase);
        Record(customer, asynchronous ? "proxy.accepted" : "proxy.completed", requestId, new JObject { ["model"] = LucairnEmulator.MockModel, ["redaction_count"] = context.Count });
        if (asynchronous)
        {
            string jobId = "job_" + requestId;
            return Json(202, new JObject
            {
                ["status"] = "processing",
                ["job_id"] = jobId,
                ["request_id"] = requestId,
                ["status_url"] = _baseUrl() + "/api/v1/proxy/messages/" + jobId,
                ["veil"] = veil,
            });
        }

        return Json(200, new JObject
        {
            ["status"] = "JOB_STATUS_COMPLETED",
            ["model_used"] = LucairnEmulator.MockModel,
            ["latency_ms"] = 0,
            ["result"] = new JObject { ["content"] = Completion(requestId) },
            ["dlp_redacted"] = context.Count > 0,
            ["relinked"] = false,
            ["redaction_count"] = context.Count,
            ["request_id"] = requestId,
            ["veil"] = veil,
        });
    }

    private EmulatorResponse Certificate(string requestId, EmulatorCustomer customer)
    {
        Record(customer, "veil.certificate", requestId, new JObject());
        if (customer.Tier == LucairnTier.Developer)
        {
            return EmulatorResponse.Json(403, Error("tier_insufficient", "Raw certificates need the Pro or Enterprise tier. Contact sales to upgrade."));
        }

        if (Pending(requestId, customer, out EmulatedRequest? request, out int retryAfter))
        {
            return Json(202, new JObject
            {
                ["status"] = "pending",
                ["request_id"] = requestId,
                ["message"] = "Veil certificate is being assembled.",
                ["retry_after_seconds"] = retryAfter,
            });
        }

        lock (_gate)
        {
            request.CertificateJson ??= EmulatorCertificates.Build(request, _witnessKey, _witnessKeyId, _serviceKeys);
        }

        return EmulatorResponse.Json(200, request.CertificateJson);
    }

    private EmulatorResponse Summary(string requestId, EmulatorCustomer customer)
    {
        Record(customer, "veil.summary", requestId, new JObject());
        if (Pending(requestId, customer, out EmulatedRequest? request, out int retryAfter))
        {
            return EmulatorResponse.Text(202, $"<!doctype html><html><body><p>Certificate pending; retry in {retryAfter} s.</p></body></html>", "text/html; charset=utf-8");
        }

        string html = "<!doctype html><html><head><title>Veil certificate (mock)</title></head><body>" +
            "<h1>Veil certificate summary</h1><p><strong>Mock evidence issued by LucairnEmulator; not signed by the Lucairn witness.</strong></p>" +
            $"<dl><dt>Request</dt><dd>{WebUtility.HtmlEncode(request.RequestId)}</dd>" +
            $"<dt>Issued</dt><dd>{EmulatorCertificates.FormatTimestamp(request.IssuedAt)}</dd>" +
            $"<dt>Verdict</dt><dd>VERDICT_VERIFIED</dd><dt>Redactions</dt><dd>{request.RedactionCount}</dd>" +
            $"<dt>Witness key</dt><dd>{WebUtility.HtmlEncode(_witnessKeyId)}</dd></dl></body></html>";
        return EmulatorResponse.Text(200, html, "text/html; charset=utf-8");
    }

    private EmulatorResponse AuditExport(EmulatorRequest request, EmulatorCustomer customer)
    {
        int days = 30;
        string? daysText = request.Query["days"];
        if (daysText is not null && (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > 90))
        {
            return EmulatorResponse.Json(400, Error("invalid_days", "days must be an integer between 1 and 90."));
        }

        string? type = request.Query["type"];
        DateTimeOffset now = Time.GetUtcNow();
        string since = EmulatorCertificates.FormatTimestamp(now.AddDays(-days));
        AuditEntry[] events;
        lock (_gate)
        {
            events = _audit
                .Where(a => a.Customer.CustomerId == customer.CustomerId
                    && (type is null || a.Entry.EventType == type)
                    && string.CompareOrdinal(a.Entry.Timestamp, since) >= 0)
                .Select(a => a.Entry)
                .ToArray();
        }

        var response = Json(200, new JObject
        {
            ["customer_id"] = customer.CustomerId,
            ["tier"] = customer.Tier.ToString().ToLowerInvariant(),
            ["period"] = string.Create(CultureInfo.InvariantCulture, $"{now.AddDays(-days):yyyy-MM-dd} to {now:yyyy-MM-dd}"),
            ["events"] = JArray.FromObject(events),
            ["total_events"] = events.Length,
            ["source"] = "lucairn-emulator (mock)",
        });
        Record(customer, "audit.export", null, new JObject { ["days"] = days, ["type"] = type });
        return response;
    }

    private bool Pending(string requestId, EmulatorCustomer customer, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out EmulatedRequest? request, out int retryAfterSeconds)
    {
        retryAfterSeconds = Math.Max(1, (int)Math.Ceiling(_options.CertificateDelay.TotalSeconds));
        if (!_requests.TryGetValue(requestId, out request) || request.Customer.CustomerId != customer.CustomerId)
        {
            // Like the gateway: an unknown (or another customer's) request id looks pending.
            request = null;
            return true;
        }

        TimeSpan remaining = request.IssuedAt + _options.CertificateDelay - Time.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling(remaining.TotalSeconds));
            return true;
        }

        return false;
    }

    private void Record(EmulatorCustomer customer, string eventType, string? requestId, JObject details)
    {
        var entry = new AuditEntry
        {
            Timestamp = EmulatorCertificates.FormatTimestamp(Time.GetUtcNow()),
            EventType = eventType,
            Actor = customer.ApiKeyId,
            Details = details.ToString(Formatting.None),
            RequestId = requestId,
        };
        lock (_gate)
        {
            _audit.Add((customer, entry));
        }
    }

    private EmulatorFault? NextFault()
    {
        lock (_gate)
        {
            return _faults.TryDequeue(out EmulatorFault? fault) ? fault : null;
        }
    }

    private static EmulatorResponse MethodNotAllowed() => EmulatorResponse.Json(405, Error("method_not_allowed", "Method not allowed."));

    private static EmulatorResponse Json(int status, JObject body) => EmulatorResponse.Json(status, body.ToString(Formatting.None));

    internal static string Error(string code, string message) =>
        new JObject { ["error"] = new JObject { ["code"] = code, ["message"] = message } }.ToString(Formatting.None);
}
