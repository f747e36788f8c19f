using Lucairn;
using Newtonsoft.Json.Linq;

namespace Lucairn.Tests.Client;

/// <summary>Port of upstream <c>test_errors.py</c> (the exception hierarchy, spec §5).</summary>
public class ErrorsTests
{
    // TestErrorHierarchy
    [Test]
    public void test_base_is_exception() => Assert.That(new LucairnException("x"), Is.InstanceOf<Exception>());

    [Test]
    public void test_config_inherits_base() => Assert.That(new LucairnValidationException("x"), Is.InstanceOf<LucairnException>());

    [Test]
    public void test_http_inherits_base() => Assert.That(new LucairnApiException("x", 500), Is.InstanceOf<LucairnException>());

    [Test]
    public void test_timeout_inherits_base() => Assert.That(new LucairnTimeoutException("x"), Is.InstanceOf<LucairnException>());

    [Test]
    public void test_certificate_inherits_base() =>
        Assert.That(new LucairnCertificateException("x", VerifyCertificateFailureReason.Malformed), Is.InstanceOf<LucairnException>());

    [Test]
    public void test_response_validation_inherits_base() =>
        Assert.That(new LucairnResponseValidationException("x", null), Is.InstanceOf<LucairnException>());

    [Test]
    public void test_response_validation_is_not_an_http_error() =>
        Assert.That(new LucairnResponseValidationException("x", null), Is.Not.InstanceOf<LucairnApiException>());

    // TestLucairnHttpError
    [Test]
    public void test_status_and_body_accessible()
    {
        const string body = """{"error":{"code":"invalid_api_key"}}""";
        var error = new LucairnApiException("failed", 401, "invalid_api_key", "req_9", TimeSpan.FromSeconds(3), body);
        Assert.Multiple(() =>
        {
            Assert.That(error.Status, Is.EqualTo(401));
            Assert.That(error.ErrorCode, Is.EqualTo("invalid_api_key"));
            Assert.That(error.RequestId, Is.EqualTo("req_9"));
            Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(error.ResponseBody, Is.SameAs(body));
            Assert.That(error.ResponseJson!["error"]!["code"]!.Value<string>(), Is.EqualTo("invalid_api_key"));
        });
        // Each read is a fresh copy: changing it does not change the exception.
        ((JObject)error.ResponseJson!)["error"] = "changed";
        Assert.That(error.ResponseJson!["error"]!["code"]!.Value<string>(), Is.EqualTo("invalid_api_key"));
    }

    [Test]
    public void test_message_on_str() => Assert.That(new LucairnApiException("the message", 500, "x").Message, Is.EqualTo("the message"));

    [Test]
    public void test_cause_attached()
    {
        var cause = new InvalidOperationException("root");
        Assert.That(new LucairnApiException("m", 502, innerException: cause).InnerException, Is.SameAs(cause));
    }

    // TestLucairnCertificateError
    [Test]
    public void test_reason_and_certificate_id()
    {
        var error = new LucairnCertificateException("bad", VerifyCertificateFailureReason.WitnessMismatch, "veil_1");
        Assert.Multiple(() =>
        {
            Assert.That(error.Reason, Is.EqualTo(VerifyCertificateFailureReason.WitnessMismatch));
            Assert.That(error.ReasonCode, Is.EqualTo("witness_mismatch"));
            Assert.That(error.CertificateId, Is.EqualTo("veil_1"));
        });
    }

    [Test]
    public void test_certificate_id_defaults_none() =>
        Assert.That(new LucairnCertificateException("bad", VerifyCertificateFailureReason.Malformed).CertificateId, Is.Null);

    [Test]
    public void test_certificate_cause_preserved()
    {
        var cause = new FormatException("base64");
        Assert.That(new LucairnCertificateException("bad", VerifyCertificateFailureReason.InvalidSignature, null, cause).InnerException, Is.SameAs(cause));
    }

    // TestLucairnConfigError / TestLucairnTimeoutError
    [Test]
    public void test_config_accepts_single_argument() => Assert.That(new LucairnValidationException("only").Message, Is.EqualTo("only"));

    [Test]
    public void test_timeout_accepts_single_argument() => Assert.That(new LucairnTimeoutException("only").Message, Is.EqualTo("only"));

    // TestLucairnResponseValidationError
    [Test]
    public void test_body_accessible()
    {
        var body = JObject.Parse("""{"not_a_cert":true}""");
        Assert.That(new LucairnResponseValidationException("m", body).Body, Is.SameAs(body));
    }

    [Test]
    public void test_cause_preserved()
    {
        var cause = new FormatException("bad");
        Assert.That(new LucairnResponseValidationException("m", "x", cause).InnerException, Is.SameAs(cause));
    }

    [Test]
    public void test_body_may_be_raw_text()
    {
        var error = new LucairnResponseValidationException("m", "<html>");
        Assert.Multiple(() =>
        {
            Assert.That(error.Body, Is.EqualTo("<html>"));
            Assert.That(error.BodyJson, Is.Null);
        });
    }

    // TestCatchability
    [Test]
    public void test_catches_all_subclasses()
    {
        Exception[] errors =
        [
            new LucairnValidationException("a"),
            new LucairnApiException("b", 500, null),
            new LucairnTimeoutException("c"),
            new LucairnResponseValidationException("d", null),
            new LucairnCertificateException("g", VerifyCertificateFailureReason.InvalidSignature),
            new LucairnException("e", new HttpRequestException("f")),
        ];
        foreach (Exception error in errors)
        {
            Assert.That(() => throw error, Throws.InstanceOf<LucairnException>());
        }
    }
}
