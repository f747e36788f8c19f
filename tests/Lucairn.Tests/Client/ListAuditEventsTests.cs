using System.Net;
using Lucairn;
using Lucairn.Tests.Support;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Lucairn.Tests.Client;

/// <summary>Port of upstream <c>test_list_audit_events.py</c> (spec §4.4).</summary>
public class ListAuditEventsTests
{
    private const string Url = TestClients.BaseUrl + "/api/v1/audit/export";

    private const string Body = """
        {"customer_id":"cust_42","tier":"pro","period":"2026-05-01 to 2026-05-31","total_events":2,"source":"audit-store",
         "events":[{"timestamp":"2026-05-02T10:00:00.123456789Z","event_type":"proxy.completed","actor":"key_1","details":"{\"a\":1}","request_id":"req_1"},
                   {"timestamp":"2026-05-03T10:00:00Z","event_type":"key.rotated","actor":"admin","details":"{}"}]}
        """;

    private static (MockHttpMessageHandler Mock, Func<Uri?> Seen) Capture(HttpStatusCode status = HttpStatusCode.OK, string body = Body)
    {
        Uri? seen = null;
        var mock = new MockHttpMessageHandler();
        mock.When("*").With(r =>
        {
            seen = r.RequestUri;
            return true;
        }).Respond(status, "application/json", body);
        return (mock, () => seen);
    }

    [Test]
    public async Task test_default_no_query_params()
    {
        var (mock, seen) = Capture();
        using var client = TestClients.Create(mock);
        AuditExportResponse export = await client.ListAuditEventsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(seen()!.ToString(), Is.EqualTo(Url));
            Assert.That(export.CustomerId, Is.EqualTo("cust_42"));
            Assert.That(export.TotalEvents, Is.EqualTo(2));
            Assert.That(export.Events, Has.Count.EqualTo(2));
            Assert.That(export.Events[0].Timestamp, Is.EqualTo("2026-05-02T10:00:00.123456789Z"), "timestamps are kept as text");
            Assert.That(export.Events[0].RequestId, Is.EqualTo("req_1"));
            Assert.That(export.Events[1].RequestId, Is.Null);
        });
    }

    [Test]
    public async Task test_days_and_type_query_params()
    {
        var (mock, seen) = Capture();
        using var client = TestClients.Create(mock);
        await client.ListAuditEventsAsync(new AuditExportOptions { Days = 7, Type = "proxy.completed" });
        Assert.That(seen()!.Query, Is.EqualTo("?days=7&type=proxy.completed"));
    }

    [Test]
    public async Task test_type_param_url_encoded()
    {
        var (mock, seen) = Capture();
        using var client = TestClients.Create(mock);
        await client.ListAuditEventsAsync(new AuditExportOptions { Type = "weird/value" });
        Assert.That(seen()!.Query, Is.EqualTo("?type=weird%2Fvalue"));
    }

    [Test]
    public async Task test_days_must_be_positive_int()
    {
        using var client = TestClients.Create(new MockHttpMessageHandler());
        var error = await Expect.Throws<LucairnValidationException>(() => client.ListAuditEventsAsync(new AuditExportOptions { Days = 0 }));
        Assert.That(error.Message, Does.Contain("days"));
    }

    [Test]
    public async Task test_days_rejects_negative()
    {
        using var client = TestClients.Create(new MockHttpMessageHandler());
        await Expect.Throws<LucairnValidationException>(() => client.ListAuditEventsAsync(new AuditExportOptions { Days = -1 }));
    }

    [Test]
    public async Task days_above_gateway_maximum_rejected()
    {
        using var client = TestClients.Create(new MockHttpMessageHandler());
        await Expect.Throws<LucairnValidationException>(() => client.ListAuditEventsAsync(new AuditExportOptions { Days = 91 }));
    }

    [Test]
    public async Task days_bounds_accepted()
    {
        var (mock, seen) = Capture();
        using var client = TestClients.Create(mock);
        await client.ListAuditEventsAsync(new AuditExportOptions { Days = 90 });
        Assert.That(seen()!.Query, Is.EqualTo("?days=90"));
        await client.ListAuditEventsAsync(new AuditExportOptions { Days = 1 });
        Assert.That(seen()!.Query, Is.EqualTo("?days=1"));
    }

    [Test]
    public async Task empty_type_is_still_sent()
    {
        var (mock, seen) = Capture();
        using var client = TestClients.Create(mock);
        await client.ListAuditEventsAsync(new AuditExportOptions { Type = "" });
        Assert.That(seen()!.Query, Is.EqualTo("?type="));
    }

    [Test]
    public async Task options_headers_forwarded()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(Url).WithHeaders("x-trace", "t1").Respond("application/json", Body);
        using var client = TestClients.Create(mock);
        await client.ListAuditEventsAsync(new AuditExportOptions { Headers = { ["X-Trace"] = "t1" } });
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task test_503_audit_export_unavailable()
    {
        var (mock, _) = Capture(HttpStatusCode.ServiceUnavailable, """{"code":"audit_export_unavailable","message":"later"}""");
        using var client = TestClients.Create(mock);
        var error = await Expect.Catch<LucairnApiException>(() => client.ListAuditEventsAsync());
        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(503));
            Assert.That(error.ResponseJson!["code"]!.Value<string>(), Is.EqualTo("audit_export_unavailable"));
        });
    }

    [Test]
    public async Task test_malformed_2xx_body_response_validation_error()
    {
        var (mock, _) = Capture(body: """{"customer_id":"cust_42"}""");
        using var client = TestClients.Create(mock);
        var error = await Expect.Throws<LucairnResponseValidationException>(() => client.ListAuditEventsAsync());
        Assert.That(error.BodyJson!["customer_id"]!.Value<string>(), Is.EqualTo("cust_42"));
    }
}
