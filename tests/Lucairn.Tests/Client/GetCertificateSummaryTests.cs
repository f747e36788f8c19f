using System.Net;
using Lucairn;
using Lucairn.Tests.Support;
using RichardSzalay.MockHttp;

namespace Lucairn.Tests.Client;

/// <summary>Port of upstream <c>test_client_get_certificate_summary.py</c> (spec §4.3).</summary>
public class GetCertificateSummaryTests
{
    private const string Url = TestClients.BaseUrl + "/api/v1/veil/certificate/req_1/summary";

    [Test]
    public async Task test_returns_raw_html_string()
    {
        const string Html = "<html><body>Certificate \u00e9 &amp; <b>ok</b></body></html>";
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, Url).WithHeaders("x-api-key", TestClients.LegacyKey).Respond("text/html", Html);
        using var client = TestClients.Create(mock);
        Assert.That(await client.GetCertificateSummaryAsync("req_1"), Is.EqualTo(Html));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task test_pending_certificate_raises_202()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(Url).Respond(HttpStatusCode.Accepted, "text/html", "<html>pending</html>");
        using var client = TestClients.Create(mock);
        var error = await Expect.Catch<LucairnApiException>(() => client.GetCertificateSummaryAsync("req_1"));
        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(202));
            Assert.That(error.ResponseBody, Is.EqualTo("<html>pending</html>"));
            Assert.That(error.Message, Does.Contain("not yet assembled"));
        });
    }

    [Test]
    public async Task test_request_id_must_be_string()
    {
        using var client = TestClients.Create(new MockHttpMessageHandler());
        Assert.That((await Expect.Throws<LucairnValidationException>(() => client.GetCertificateSummaryAsync(null!))).Message, Does.Contain("request_id"));
    }

    [Test]
    public async Task test_non_2xx_raises_http_error()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(Url).Respond(HttpStatusCode.InternalServerError, "text/html", "<html>fail</html>");
        using var client = TestClients.Create(mock);
        var error = await Expect.Catch<LucairnApiException>(() => client.GetCertificateSummaryAsync("req_1"));
        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(500));
            Assert.That(error.ResponseBody, Is.EqualTo("<html>fail</html>"));
        });
    }

    [Test]
    public async Task test_url_encoding_applied()
    {
        string? path = null;
        var mock = new MockHttpMessageHandler();
        mock.When("*").With(r =>
        {
            path = r.RequestUri!.AbsolutePath;
            return true;
        }).Respond("text/html", "<p/>");
        using var client = TestClients.Create(mock);
        await client.GetCertificateSummaryAsync("req/weird?id");
        Assert.That(path, Is.EqualTo("/api/v1/veil/certificate/req%2Fweird%3Fid/summary"));
    }
}
