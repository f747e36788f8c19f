using System.Net;
using Lucairn;
using Lucairn.Tests.Support;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Lucairn.Tests.Client;

/// <summary>Port of upstream <c>test_client_messages.py</c> plus the request-body rules of spec §4.1.</summary>
public class MessagesTests
{
    private const string Url = TestClients.BaseUrl + "/api/v1/proxy/messages";

    private static ProxyMessagesRequest Request() => new()
    {
        PromptTemplate = "Summarise {doc}",
        Context = new Dictionary<string, string> { ["doc"] = "hello" },
    };

    private static async Task<ProxyResponse> Send(string status, string body, Action<LucairnClientOptions>? tweak = null, LucairnRequestOptions? options = null)
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, Url).Respond((HttpStatusCode)int.Parse(status), "application/json", body);
        using var client = TestClients.Create(mock, tweak);
        return await client.SendMessagesAsync(Request(), options);
    }

    // TestHappyPathSync
    [Test]
    public async Task test_returns_proxy_sync_response_on_completed_200()
    {
        var response = await Send("200", """{"status":"JOB_STATUS_COMPLETED","model_used":"m1","latency_ms":1234,"result":{"text":"hi"}}""");
        var sync = (ProxySyncResponse)response;
        Assert.Multiple(() =>
        {
            Assert.That(sync.Status, Is.EqualTo(ProxyJobStatus.Completed));
            Assert.That(sync.ModelUsed, Is.EqualTo("m1"));
            Assert.That(sync.LatencyMs, Is.EqualTo(1234));
            Assert.That(sync.GetResult()!["text"]!.Value<string>(), Is.EqualTo("hi"));
        });
    }

    [Test]
    public async Task test_returns_proxy_sync_response_on_failed_200()
    {
        var sync = (ProxySyncResponse)await Send("200", """{"status":"JOB_STATUS_FAILED","model_used":"m1","error_message":"boom"}""");
        Assert.Multiple(() =>
        {
            Assert.That(sync.Status, Is.EqualTo(ProxyJobStatus.Failed));
            Assert.That(sync.ErrorMessage, Is.EqualTo("boom"));
        });
    }

    [Test]
    public async Task test_sends_api_key_and_content_type_headers()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, Url)
            .WithHeaders("x-api-key", TestClients.LegacyKey)
            .With(r => r.Content!.Headers.ContentType!.MediaType == "application/json")
            .Respond("application/json", """{"status":"JOB_STATUS_COMPLETED","model_used":"m"}""");
        using var client = TestClients.Create(mock);
        await client.SendMessagesAsync(Request());
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task request_body_omits_nulls_keeps_false_and_uses_wire_names()
    {
        string? sent = null;
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, Url).With(r =>
        {
            sent = r.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
            return true;
        }).Respond("application/json", """{"status":"JOB_STATUS_COMPLETED","model_used":"m"}""");
        using var client = TestClients.Create(mock);
        var request = Request();
        request.Stream = false;
        request.MaxTokens = 64;
        request.Mode = ProxyModes.ProvingGround;
        request.Context["x"] = "\u00e9";
        await client.SendMessagesAsync(request);
        Assert.That(sent, Is.EqualTo("""{"prompt_template":"Summarise {doc}","context":{"doc":"hello","x":"é"},"max_tokens":64,"stream":false,"mode":"proving_ground"}"""));
    }

    // TestRedactionCount
    [Test]
    public async Task test_redaction_count_surfaces_when_gateway_emits_it()
    {
        var sync = (ProxySyncResponse)await Send("200", """{"status":"JOB_STATUS_COMPLETED","model_used":"m","redaction_count":3}""");
        Assert.That(sync.RedactionCount, Is.EqualTo(3));
    }

    [Test]
    public async Task test_redaction_count_is_none_when_gateway_omits_it()
    {
        var sync = (ProxySyncResponse)await Send("200", """{"status":"JOB_STATUS_COMPLETED","model_used":"m"}""");
        Assert.That(sync.RedactionCount, Is.Null);
    }

    // TestAsync202Discriminator
    [Test]
    public async Task test_returns_proxy_accepted_response_when_body_status_is_processing()
    {
        var accepted = (ProxyAcceptedResponse)await Send("202",
            """{"status":"processing","job_id":"job_abc","request_id":"req_xyz","status_url":"https://gateway.example.com/api/v1/proxy/messages/job_abc","veil":{"status":"pending","certificate_url":"c","summary_url":"s"}}""");
        Assert.Multiple(() =>
        {
            Assert.That(accepted.JobId, Is.EqualTo("job_abc"));
            Assert.That(accepted.RequestId, Is.EqualTo("req_xyz"));
            Assert.That(accepted.StatusUrl, Does.EndWith("/job_abc"));
            Assert.That(accepted.Veil!.Status, Is.EqualTo(ProxyVeilReceiptStatus.Pending));
            Assert.That(accepted.Veil.CertificateUrl, Is.EqualTo("c"));
        });
    }

    // TestErrorMapping
    [Test]
    public async Task test_401_invalid_api_key_raises_http_error()
    {
        var error = await Expect.Catch<LucairnApiException>(() => Send("401", """{"error":{"code":"invalid_api_key","message":"no"}}"""));
        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(401));
            Assert.That(error.ResponseJson!["error"]!["code"]!.Value<string>(), Is.EqualTo("invalid_api_key"));
            Assert.That(error.Message, Is.EqualTo("SendMessagesAsync failed with HTTP 401 (invalid_api_key): no"));
        });
    }

    // TestPerCallOptions
    [Test]
    public async Task test_per_call_headers_merged_with_sdk_keys_winning()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, Url)
            .WithHeaders("x-custom", "yes")
            .WithHeaders("x-api-key", TestClients.LegacyKey)
            .With(r => r.Content!.Headers.ContentType!.MediaType == "application/json")
            .Respond("application/json", """{"status":"JOB_STATUS_COMPLETED","model_used":"m"}""");
        using var client = TestClients.Create(mock);
        var options = new LucairnRequestOptions
        {
            Headers = { ["X-Custom"] = "yes", ["X-API-KEY"] = "attacker", ["Content-Type"] = "text/plain" },
        };
        await client.SendMessagesAsync(Request(), options);
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task test_per_call_timeout_overrides_client_default()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var hanging = new HangingHandler();
        using var client = new LucairnClient(TestClients.Config(c => c.TimeProvider = time), new HttpClient(hanging));
        Task<ProxyResponse> call = client.SendMessagesAsync(Request(), new LucairnRequestOptions { Timeout = TimeSpan.FromSeconds(2) });
        time.Advance(TimeSpan.FromSeconds(3));
        var error = await Expect.Throws<LucairnTimeoutException>(() => call);
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("2s"));
            Assert.That(error.InnerException, Is.InstanceOf<OperationCanceledException>());
        });
    }

    // TestValidation
    [Test]
    public async Task test_rejects_stream_true()
    {
        var mock = new MockHttpMessageHandler();
        using var client = TestClients.Create(mock);
        var request = Request();
        request.Stream = true;
        var error = await Expect.Throws<LucairnValidationException>(() => client.SendMessagesAsync(request));
        Assert.That(error.Message, Does.Contain("stream"));
        Assert.That(mock.GetMatchCount(mock.Fallback), Is.Zero);
    }

    [Test]
    public async Task test_rejects_nan_max_tokens()
    {
        // C#: MaxTokens is an int and cannot be NaN; the float field with the same rule is Temperature.
        using var client = TestClients.Create(new MockHttpMessageHandler());
        var request = Request();
        request.Temperature = double.NaN;
        Assert.That((await Expect.Throws<LucairnValidationException>(() => client.SendMessagesAsync(request))).Message, Does.StartWith("request.Temperature").And.Contain("invalid messages params"));
    }

    [Test]
    public async Task test_rejects_non_request_params()
    {
        using var client = TestClients.Create(new MockHttpMessageHandler());
        await Expect.Throws<LucairnValidationException>(() => client.SendMessagesAsync(null!));
        await Expect.Throws<LucairnValidationException>(() => client.SendMessagesAsync(new ProxyMessagesRequest { PromptTemplate = null!, Context = new Dictionary<string, string>() }));
        await Expect.Throws<LucairnValidationException>(() => client.SendMessagesAsync(new ProxyMessagesRequest { PromptTemplate = "p", Context = null! }));
        await Expect.Throws<LucairnValidationException>(() => client.SendMessagesAsync(new ProxyMessagesRequest { PromptTemplate = "p", Mode = "turbo" }));
    }

    [Test]
    public async Task test_accepts_dict_params()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, Url).Respond("application/json", """{"status":"JOB_STATUS_COMPLETED","model_used":"m"}""");
        using var client = TestClients.Create(mock);
        var response = await client.SendMessagesAsync(new ProxyMessagesRequest { PromptTemplate = "p" });
        Assert.That(response, Is.InstanceOf<ProxySyncResponse>());
    }

    // TestLatencyMsLeniency
    [Test]
    public async Task test_omitted_latency_ms_parses_with_zero_default()
    {
        var sync = (ProxySyncResponse)await Send("200", """{"status":"JOB_STATUS_COMPLETED","model_used":"m"}""");
        Assert.That(sync.LatencyMs, Is.Zero);
    }

    [Test]
    public async Task test_explicit_zero_latency_ms_parses()
    {
        var sync = (ProxySyncResponse)await Send("200", """{"status":"JOB_STATUS_COMPLETED","model_used":"m","latency_ms":0}""");
        Assert.That(sync.LatencyMs, Is.Zero);
    }

    // TestLiteralNullBody
    [Test]
    public async Task test_literal_null_body_preserves_null_signal()
    {
        var error = await Expect.Throws<LucairnResponseValidationException>(() => Send("200", "null"));
        Assert.That(error.Body, Is.EqualTo("null"));
    }

    // TestMalformed200
    [Test]
    public async Task test_missing_required_sync_fields_raises_response_validation_error()
    {
        var error = await Expect.Throws<LucairnResponseValidationException>(() => Send("200", """{"status":"JOB_STATUS_COMPLETED"}"""));
        Assert.Multiple(() =>
        {
            Assert.That(error.BodyJson!["status"]!.Value<string>(), Is.EqualTo("JOB_STATUS_COMPLETED"));
            Assert.That(error.Message, Does.Contain("ProxySyncResponse"));
            Assert.That(error.InnerException, Is.Not.Null);
        });
    }

    [Test]
    public async Task test_missing_required_async_fields_raises_response_validation_error()
    {
        var error = await Expect.Throws<LucairnResponseValidationException>(() => Send("202", """{"status":"processing"}"""));
        Assert.That(error.Message, Does.Contain("ProxyAcceptedResponse"));
    }

    [Test]
    public async Task unknown_job_status_is_a_validation_error() =>
        await Expect.Throws<LucairnResponseValidationException>(() => Send("200", """{"status":"JOB_STATUS_RUNNING","model_used":"m"}"""));

    [Test]
    public async Task test_non_2xx_still_raises_http_error()
    {
        var error = await Expect.Catch<LucairnApiException>(() => Send("500", "oops"));
        Assert.That(error.ResponseBody, Is.EqualTo("oops"));
    }

    [Test]
    public async Task messages_is_never_retried()
    {
        var mock = new MockHttpMessageHandler();
        var request = mock.When(HttpMethod.Post, Url).Respond(HttpStatusCode.ServiceUnavailable);
        using var client = TestClients.Create(mock, c => c.MaxRetries = 2);
        await Expect.Catch<LucairnApiException>(() => client.SendMessagesAsync(Request()));
        Assert.That(mock.GetMatchCount(request), Is.EqualTo(1));
    }
}
