using System.Net;
using System.Reflection;
using Lucairn;
using Lucairn.Tests.Support;
using Lucairn.Tests.Verification;
using RichardSzalay.MockHttp;
using TheVeil;

#pragma warning disable CS0618 // These tests exercise the obsolete shim on purpose.

namespace Lucairn.Tests.Legacy;

/// <summary>Port of upstream <c>test_legacy_shim.py</c> (spec §12) for the <c>TheVeil</c> namespace.</summary>
public class LegacyShimTests
{
    private static readonly Type[] ShimTypes =
    [
        typeof(TheVeilClient), typeof(TheVeilConfig), typeof(TheVeilException), typeof(TheVeilConfigException),
        typeof(TheVeilHttpException), typeof(TheVeilTimeoutException), typeof(TheVeilCertificateException),
        typeof(TheVeilResponseValidationException),
    ];

    // The TheVeil names whose Lucairn counterpart was renamed again for the family (issue 13).
    private static readonly Dictionary<string, string> Replacements = new(StringComparer.Ordinal)
    {
        ["TheVeilConfig"] = nameof(LucairnClientOptions),
        ["TheVeilConfigException"] = nameof(LucairnValidationException),
        ["TheVeilHttpException"] = nameof(LucairnApiException),
    };

    [Test]
    public void test_shim_emits_deprecation_warning()
    {
        // C# analogue of the DeprecationWarning: every shim type is [Obsolete] with a message naming the Lucairn type.
        foreach (Type type in ShimTypes)
        {
            var obsolete = type.GetCustomAttribute<ObsoleteAttribute>();
            string replacement = "Lucairn." + (Replacements.TryGetValue(type.Name, out string? renamed) ? renamed : type.Name.Replace("TheVeil", "Lucairn", StringComparison.Ordinal));
            Assert.That(obsolete?.Message, Does.Contain(replacement).And.Contain("renamed"), type.Name);
        }
    }

    [Test]
    public void test_shim_aliases_resolve_to_new_classes()
    {
        // The eight old names are the Lucairn types (subclasses), so Lucairn code accepts them.
        Assert.Multiple(() =>
        {
            Assert.That(typeof(TheVeilClient).BaseType, Is.EqualTo(typeof(LucairnClient)));
            Assert.That(typeof(TheVeilConfig).BaseType, Is.EqualTo(typeof(LucairnClientOptions)));
            Assert.That(typeof(TheVeilException).BaseType, Is.EqualTo(typeof(LucairnException)));
            Assert.That(typeof(TheVeilConfigException).BaseType, Is.EqualTo(typeof(LucairnValidationException)));
            Assert.That(typeof(TheVeilHttpException).BaseType, Is.EqualTo(typeof(LucairnApiException)));
            Assert.That(typeof(TheVeilTimeoutException).BaseType, Is.EqualTo(typeof(LucairnTimeoutException)));
            Assert.That(typeof(TheVeilCertificateException).BaseType, Is.EqualTo(typeof(LucairnCertificateException)));
            Assert.That(typeof(TheVeilResponseValidationException).BaseType, Is.EqualTo(typeof(LucairnResponseValidationException)));
        });
    }

    [Test]
    public void test_shim_passthrough_identifiers_unchanged()
    {
        // Unrenamed names (LucairnRequestOptions, VeilCertificate, VerifyCertificateKeys, …) are not duplicated in the shim.
        Type[] shim = typeof(TheVeilClient).Assembly.GetExportedTypes().Where(t => t.Namespace == "TheVeil").ToArray();
        Assert.That(shim, Is.EquivalentTo(ShimTypes));
    }

    [Test]
    public async Task test_shim_legacy_construction_works()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond("text/html", "<p/>");
        using var client = new TheVeilClient(new TheVeilConfig { ApiKey = TestClients.LegacyKey }, mock.ToHttpClient());
        Assert.Multiple(async () =>
        {
            Assert.That(client.BaseUrl.Scheme, Is.EqualTo("https"));
            Assert.That(await client.GetCertificateSummaryAsync("req_1"), Is.EqualTo("<p/>"));
        });
    }

    [Test]
    public void test_shim_reexports_phase_2_helpers()
    {
        // get_client_id and the audit types keep their names: Lucairn.Certificates.GetClientId, AuditExportOptions, AuditExportResponse.
        using var client = new TheVeilClient(new TheVeilConfig { ApiKey = TestClients.LegacyKey });
        VeilCertificate cert = VeilCertificate.Parse(CertificateFixtures.RealV3);
        Assert.Multiple(() =>
        {
            Assert.That(Certificates.GetClientId(cert), Is.Null);
            Assert.That(client.VerifyCertificate(cert, CertificateFixtures.ProductionKeys).SignableVersion, Is.EqualTo(SignableVersion.V3));
            Assert.That(typeof(LucairnClient).GetMethod(nameof(LucairnClient.ListAuditEventsAsync))!.ReturnType, Is.EqualTo(typeof(Task<AuditExportResponse>)));
        });
    }

    [Test]
    public void legacy_constructor_errors_are_theveil_config_exceptions()
    {
        var error = Assert.Throws<TheVeilConfigException>(() => new TheVeilClient(new TheVeilConfig { ApiKey = "nope" }).Dispose())!;
        Assert.That(error.Message, Does.Contain("api_key"));
    }

    [Test]
    public async Task legacy_client_errors_carry_the_same_data_under_old_names()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.Accepted, "application/json", """{"status":"pending","retry_after_seconds":30}""");
        using var client = new TheVeilClient(new TheVeilConfig { ApiKey = TestClients.LegacyKey }, mock.ToHttpClient());
        var http = await Expect.Throws<TheVeilHttpException>(() => client.GetCertificateAsync("req_1"));
        var config = await Expect.Throws<TheVeilConfigException>(() => client.GetCertificateAsync(null!));
        var certificate = Assert.Throws<TheVeilCertificateException>(() => client.VerifyCertificate(CertificateFixtures.Anchored, CertificateFixtures.ProductionKeys))!;
        Assert.Multiple(() =>
        {
            Assert.That(http, Is.InstanceOf<LucairnApiException>());
            Assert.That(http.Status, Is.EqualTo(202));
            Assert.That(http.ResponseJson!["retry_after_seconds"]!.ToString(), Is.EqualTo("30"));
            Assert.That(config.Message, Does.Contain("request_id"));
            Assert.That(certificate.Reason, Is.EqualTo(VerifyCertificateFailureReason.InvalidSignature));
            Assert.That(certificate.CertificateId, Is.Not.Null);
        });
    }

    [Test]
    public async Task legacy_transport_failure_is_theveil_exception_with_cause()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Throw(new HttpRequestException("refused"));
        using var client = new TheVeilClient(new TheVeilConfig { ApiKey = TestClients.LegacyKey, MaxRetries = 0 }, mock.ToHttpClient());
        var error = await Expect.Throws<TheVeilException>(() => client.ListAuditEventsAsync());
        Assert.That(error.InnerException, Is.TypeOf<HttpRequestException>());
    }
}
