using System.Net;
using Lucairn;
using Lucairn.Tests.Support;
using Lucairn.Tests.Verification;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Lucairn.Tests.Client;

/// <summary>Port of upstream <c>test_client_get_certificate.py</c> (spec §4.2).</summary>
public class GetCertificateTests
{
    private const string Url = TestClients.BaseUrl + "/api/v1/veil/certificate/req_1";

    private static LucairnClient Responding(HttpStatusCode status, string body, string mediaType = "application/json", Action<LucairnClientOptions>? tweak = null)
    {
        var mock = new MockHttpMessageHandler();
        mock.When(Url).Respond(status, mediaType, body);
        return TestClients.Create(mock, tweak);
    }

    // TestHappyPath
    [Test]
    public async Task test_returns_cert_body_deep_equal()
    {
        using var client = Responding(HttpStatusCode.OK, CertificateFixtures.Anchored);
        VeilCertificate cert = await client.GetCertificateAsync("req_1");
        JObject expected = CertificateFixtures.Load("cert-valid-anchored.json");
        Assert.Multiple(() =>
        {
            Assert.That(cert.CertificateId, Is.EqualTo((string)expected["certificate_id"]!));
            Assert.That(cert.RequestId, Is.EqualTo((string)expected["request_id"]!));
            Assert.That(cert.ProtocolVersion, Is.EqualTo(2));
            Assert.That(cert.WitnessKeyId, Is.EqualTo((string)expected["witness_key_id"]!));
            Assert.That(cert.WitnessSignature, Is.EqualTo((string)expected["witness_signature"]!));
            Assert.That(JToken.DeepEquals(cert.ToJObject(), expected), Is.True, "raw JSON kept exactly");
        });
    }

    [Test]
    public async Task test_sends_x_api_key_header_and_scoped_path()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, Url).WithHeaders("x-api-key", TestClients.LegacyKey).Respond("application/json", CertificateFixtures.Anchored);
        using var client = TestClients.Create(mock);
        await client.GetCertificateAsync("req_1");
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task fetched_certificate_verifies_offline()
    {
        using var client = Responding(HttpStatusCode.OK, CertificateFixtures.RealV3);
        VeilCertificate cert = await client.GetCertificateAsync("req_1");
        VerifyCertificateResult result = client.VerifyCertificate(cert, CertificateFixtures.ProductionKeys, SignableVersion.V3);
        Assert.That(result.SignableVersion, Is.EqualTo(SignableVersion.V3));
    }

    // TestPending202
    [Test]
    public async Task test_raises_http_error_with_status_202_and_wrapper_body()
    {
        using var client = Responding(HttpStatusCode.Accepted, """{"status":"pending","request_id":"req_1","message":"assembling","retry_after_seconds":30}""");
        var error = await Expect.Catch<LucairnApiException>(() => client.GetCertificateAsync("req_1"));
        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(202));
            Assert.That(error.ResponseJson!["retry_after_seconds"]!.Value<int>(), Is.EqualTo(30));
            Assert.That(error.Message, Does.Contain("not yet assembled"));
        });
    }

    // TestHttpErrorMapping
    [TestCase(401, "missing_api_key")]
    [TestCase(401, "invalid_api_key")]
    [TestCase(403, "tier_insufficient")]
    [TestCase(404, "veil_not_configured")]
    [TestCase(502, "upstream_error")]
    public async Task test_maps_status_and_code(int status, string code)
    {
        using var client = Responding((HttpStatusCode)status, $$$"""{"error":{"code":"{{{code}}}","message":"m"}}""");
        var error = await Expect.Catch<LucairnApiException>(() => client.GetCertificateAsync("req_1"));
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<LucairnException>());
            Assert.That(error.Status, Is.EqualTo(status));
            Assert.That(error.ResponseJson!["error"]!["code"]!.Value<string>(), Is.EqualTo(code));
        });
    }

    [Test]
    public async Task test_503_veil_unavailable_carries_retry_after_seconds_in_body()
    {
        using var client = Responding(HttpStatusCode.ServiceUnavailable, """{"error":{"code":"veil_unavailable","retry_after_seconds":12}}""");
        var error = await Expect.Catch<LucairnApiException>(() => client.GetCertificateAsync("req_1"));
        Assert.That(error.ResponseJson!["error"]!["retry_after_seconds"]!.Value<int>(), Is.EqualTo(12));
    }

    // TestTransportErrors
    [Test]
    public async Task test_network_error_wraps_to_the_veil_error_not_http_error()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(Url).Throw(new HttpRequestException("connection refused"));
        using var client = TestClients.Create(mock);
        var error = await Expect.Catch<LucairnException>(() => client.GetCertificateAsync("req_1"));
        Assert.Multiple(() =>
        {
            Assert.That(error.GetType(), Is.EqualTo(typeof(LucairnConnectionException)));
            Assert.That(error.InnerException, Is.InstanceOf<HttpRequestException>());
            Assert.That(error.Message, Does.StartWith("GetCertificateAsync failed: request failed"));
        });
    }

    // TestTimeout
    [Test]
    public async Task test_timeout_raises_the_veil_timeout_error()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var hanging = new HangingHandler();
        using var client = new LucairnClient(TestClients.Config(c => c.TimeProvider = time), new HttpClient(hanging));
        Task<VeilCertificate> call = client.GetCertificateAsync("req_1");
        time.Advance(TimeSpan.FromSeconds(61));
        var error = await Expect.Throws<LucairnTimeoutException>(() => call);
        Assert.That(error.Message, Does.Match("[0-9]"));
    }

    [Test]
    public async Task test_rejects_invalid_per_call_timeout()
    {
        using var client = Responding(HttpStatusCode.OK, CertificateFixtures.Anchored);
        var error = await Expect.Throws<LucairnValidationException>(() => client.GetCertificateAsync("req_1", new LucairnRequestOptions { Timeout = TimeSpan.FromSeconds(-1) }));
        Assert.That(error.Message, Does.Contain("options.Timeout"));
    }

    // TestPathEncoding
    [Test]
    public async Task test_percent_encodes_reserved_chars()
    {
        string? path = null;
        var mock = new MockHttpMessageHandler();
        mock.When("*").With(r =>
        {
            path = r.RequestUri!.AbsolutePath;
            return true;
        }).Respond("application/json", CertificateFixtures.Anchored);
        using var client = TestClients.Create(mock);
        await client.GetCertificateAsync("req/weird id?");
        Assert.That(path, Is.EqualTo("/api/v1/veil/certificate/req%2Fweird%20id%3F"));
    }

    [Test]
    public async Task test_rejects_non_string_request_id()
    {
        using var client = Responding(HttpStatusCode.OK, CertificateFixtures.Anchored);
        var error = await Expect.Throws<LucairnValidationException>(() => client.GetCertificateAsync(null!));
        Assert.That(error.Message, Does.Contain("request_id"));
    }

    // TestLiteralNullBody
    [Test]
    public async Task test_literal_null_body_preserves_null_signal()
    {
        using var client = Responding(HttpStatusCode.OK, "null");
        var error = await Expect.Throws<LucairnResponseValidationException>(() => client.GetCertificateAsync("req_1"));
        Assert.That(error.Body, Is.EqualTo("null"));
    }

    // TestMalformed200
    [Test]
    public async Task test_non_json_200_body_raises_response_validation_error()
    {
        using var client = Responding(HttpStatusCode.OK, "<html>not json</html>", "text/html");
        var error = await Expect.Throws<LucairnResponseValidationException>(() => client.GetCertificateAsync("req_1"));
        Assert.That(error.Body, Is.EqualTo("<html>not json</html>"));
    }

    [Test]
    public async Task test_missing_required_fields_200_raises_response_validation_error()
    {
        using var client = Responding(HttpStatusCode.OK, """{"not_a_cert":true}""");
        var error = await Expect.Throws<LucairnResponseValidationException>(() => client.GetCertificateAsync("req_1"));
        Assert.Multiple(() =>
        {
            Assert.That(error.BodyJson!["not_a_cert"]!.Value<bool>(), Is.True);
            Assert.That(error.Message, Does.Contain("VeilCertificate"));
            Assert.That(error.InnerException, Is.InstanceOf<LucairnCertificateException>());
        });
    }

    [Test]
    public async Task test_non_2xx_still_raises_http_error_not_response_validation_error()
    {
        using var client = Responding(HttpStatusCode.NotFound, "nope", "text/plain");
        var error = await Expect.Catch<LucairnApiException>(() => client.GetCertificateAsync("req_1"));
        Assert.That(error.Status, Is.EqualTo(404));
    }

    // TestMaxResponseBytesEnforcement
    [Test]
    public async Task test_2xx_over_cap_raises_response_validation_error()
    {
        string body = "PREFIX_MARKER" + new string('x', 1024);
        using var client = Responding(HttpStatusCode.OK, body, tweak: c => c.MaxResponseBytes = 256);
        var error = await Expect.Throws<LucairnResponseValidationException>(() => client.GetCertificateAsync("req_1"));
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("response body exceeded max_response_bytes cap of 256"));
            Assert.That(error.Body, Is.TypeOf<string>());
            Assert.That((string)error.Body!, Does.StartWith("PREFIX_MARKER").And.Length.EqualTo(256));
        });
    }

    [Test]
    public async Task test_non_2xx_over_cap_still_raises_http_error()
    {
        string body = "PREFIX_MARKER" + new string('x', 1024);
        using var client = Responding(HttpStatusCode.BadGateway, body, "text/plain", c => c.MaxResponseBytes = 256);
        var error = await Expect.Catch<LucairnApiException>(() => client.GetCertificateAsync("req_1"));
        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(502));
            Assert.That((string)error.ResponseBody!, Does.StartWith("PREFIX_MARKER"));
            Assert.That(error.Message, Does.Contain("max_response_bytes"));
        });
    }

    [Test]
    public async Task test_response_at_cap_is_accepted()
    {
        using var client = Responding(HttpStatusCode.OK, CertificateFixtures.Anchored, tweak: c => c.MaxResponseBytes = 1024 * 1024);
        Assert.That((await client.GetCertificateAsync("req_1")).ProtocolVersion, Is.EqualTo(2));
    }

    [Test]
    public async Task body_exactly_at_cap_is_accepted_one_more_byte_is_not()
    {
        int length = System.Text.Encoding.UTF8.GetByteCount(CertificateFixtures.Anchored);
        using (var client = Responding(HttpStatusCode.OK, CertificateFixtures.Anchored, tweak: c => c.MaxResponseBytes = length))
        {
            Assert.That((await client.GetCertificateAsync("req_1")).ProtocolVersion, Is.EqualTo(2));
        }

        using (var client = Responding(HttpStatusCode.OK, CertificateFixtures.Anchored, tweak: c => c.MaxResponseBytes = length - 1))
        {
            await Expect.Throws<LucairnResponseValidationException>(() => client.GetCertificateAsync("req_1"));
        }
    }

    // TestPerCallHeaderMerge
    [Test]
    public async Task test_caller_headers_merged_sdk_owned_keys_win()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(Url)
            .WithHeaders("x-tenant", "t-9")
            .WithHeaders("x-api-key", TestClients.LegacyKey)
            .With(r => r.Headers.GetValues("x-api-key").Count() == 1)
            .Respond("application/json", CertificateFixtures.Anchored);
        using var client = TestClients.Create(mock);
        await client.GetCertificateAsync("req_1", new LucairnRequestOptions
        {
            Headers = { ["X-Tenant"] = "t-9", ["x-api-key"] = "dsa_ffffffffffffffffffffffffffffffff", ["content-type"] = "text/plain" },
        });
        mock.VerifyNoOutstandingExpectation();
    }
}
