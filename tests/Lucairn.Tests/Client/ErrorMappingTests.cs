using System.Net;
using System.Net.Http.Headers;
using Lucairn;
using Lucairn.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace Lucairn.Tests.Client;

/// <summary>The family error contract (issue 13): one subclass per status, and the facts every API error carries.</summary>
public class ErrorMappingTests
{
    private const string Url = TestClients.BaseUrl + "/api/v1/veil/certificate/req_1";

    private static LucairnClient Answering(int status, string body, Action<HttpResponseMessage>? headers = null)
    {
        var mock = new MockHttpMessageHandler();
        mock.When(Url).Respond(_ =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            headers?.Invoke(response);
            return response;
        });
        return TestClients.Create(mock);
    }

    [TestCase(400, typeof(LucairnBadRequestException))]
    [TestCase(422, typeof(LucairnBadRequestException))]
    [TestCase(401, typeof(LucairnAuthenticationException))]
    [TestCase(403, typeof(LucairnForbiddenException))]
    [TestCase(404, typeof(LucairnNotFoundException))]
    [TestCase(409, typeof(LucairnApiException))]
    [TestCase(429, typeof(LucairnRateLimitException))]
    [TestCase(500, typeof(LucairnServerException))]
    [TestCase(503, typeof(LucairnServerException))]
    public async Task each_status_maps_to_its_family_subclass(int status, Type expected)
    {
        using var client = Answering(status, """{"error":{"code":"some_code","message":"Something went wrong"}}""");
        var error = await Expect.Catch<LucairnApiException>(() => client.GetCertificateAsync("req_1"));
        Assert.Multiple(() =>
        {
            Assert.That(error.GetType(), Is.EqualTo(expected));
            Assert.That(error.Status, Is.EqualTo(status));
            Assert.That(error.ErrorCode, Is.EqualTo("some_code"));
            Assert.That(error.Message, Is.EqualTo($"GetCertificateAsync failed with HTTP {status} (some_code): Something went wrong"));
        });
    }

    [Test]
    public async Task request_id_retry_after_and_body_are_exposed_on_any_status()
    {
        const string body = """{"error":{"code":"veil_unavailable","message":"later"}}""";
        using var client = Answering(503, body, r =>
        {
            r.Headers.Add("x-request-id", "req_gateway_42");
            r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(9));
        });
        var error = await Expect.Throws<LucairnServerException>(() => client.GetCertificateAsync("req_1"));
        Assert.Multiple(() =>
        {
            Assert.That(error.RequestId, Is.EqualTo("req_gateway_42"));
            Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(9)));
            Assert.That(error.ResponseBody, Is.EqualTo(body));
            Assert.That(error.ResponseJson!["error"]!["code"]!.ToString(), Is.EqualTo("veil_unavailable"));
        });
    }

    [Test]
    public async Task request_id_falls_back_to_the_body()
    {
        using var client = Answering(404, """{"error":"not_found","request_id":"req_in_body"}""");
        var error = await Expect.Throws<LucairnNotFoundException>(() => client.GetCertificateAsync("req_1"));
        Assert.Multiple(() =>
        {
            Assert.That(error.RequestId, Is.EqualTo("req_in_body"));
            Assert.That(error.ErrorCode, Is.EqualTo("not_found"));
        });
    }

    [Test]
    public async Task a_non_json_body_has_no_parsed_form_and_a_short_prefix_in_the_message()
    {
        using var client = Answering(502, "<html>" + new string('x', 500) + "</html>");
        var error = await Expect.Throws<LucairnServerException>(() => client.GetCertificateAsync("req_1"));
        Assert.Multiple(() =>
        {
            Assert.That(error.ResponseJson, Is.Null);
            Assert.That(error.ErrorCode, Is.Null);
            Assert.That(error.Message, Does.StartWith("GetCertificateAsync failed with HTTP 502: <html>xxx"));
            Assert.That(error.Message.Length, Is.LessThan(300));
        });
    }

    [Test]
    public async Task a_timeout_is_an_api_error_without_status()
    {
        var time = new FakeTimeProvider();
        using var client = new LucairnClient(TestClients.Config(c => { c.Timeout = TimeSpan.FromSeconds(5); c.TimeProvider = time; }), new HttpClient(new HangingHandler()));
        Task<VeilCertificate> call = client.GetCertificateAsync("req_1");
        for (int i = 0; i < 100 && !call.IsCompleted; i++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var error = await Expect.Throws<LucairnTimeoutException>(() => call);
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<LucairnApiException>());
            Assert.That(error.Status, Is.Null);
            Assert.That(error.Message, Does.StartWith("GetCertificateAsync failed: request timed out after 5s"));
        });
    }

    [Test]
    public async Task a_connection_failure_is_an_api_error_without_status()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Throw(new HttpRequestException("connection refused"));
        using var client = TestClients.Create(mock);
        var error = await Expect.Throws<LucairnConnectionException>(() => client.GetCertificateAsync("req_1"));
        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.Null);
            Assert.That(error.InnerException, Is.TypeOf<HttpRequestException>());
        });
    }
}
