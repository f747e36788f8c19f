using System.Text;
using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Verification;

public class WebhookTests
{
    private static JObject File => Vectors.Read("webhook.derived.json");

    private static TestCaseData[] Cases => Vectors.CaseData("webhook.derived.json");

    private static JObject ValidCase => Vectors.Cases("webhook.derived.json").First(c => (string)c["name"]! == "valid");

    private static Dictionary<string, string> Headers(JObject c)
    {
        var headers = new Dictionary<string, string>();
        if (c["timestamp"] is JValue { Type: JTokenType.String } ts)
        {
            headers[(string)File["headers"]!["timestamp"]!] = (string)ts!;
        }

        if (c["signature"] is JValue { Type: JTokenType.String } sig)
        {
            headers[(string)File["headers"]!["signature"]!] = (string)sig!;
        }

        return headers;
    }

    private static bool Verify(JObject c, Dictionary<string, string>? headers = null, string? body = null, string? secret = null, long? now = null, TimeSpan? skew = null) =>
        Webhooks.Verify(
            Encoding.UTF8.GetBytes(body ?? (string)c["body"]!),
            headers ?? Headers(c),
            secret ?? (string)c["secret"]!,
            skew ?? TimeSpan.FromSeconds((int)File["max_skew_s"]!),
            DateTimeOffset.FromUnixTimeSeconds(now ?? (long)c["now"]!));

    [Test]
    public void Delivery_id_header_is_unsigned_so_deduplication_must_key_on_the_signed_body_id()
    {
        JObject c = ValidCase;
        var headers = Headers(c);
        headers[Webhooks.DeliveryIdHeader] = "delivery_1";
        Assert.That(Verify(c, headers), Is.True);

        // A replayer can put any delivery id in the header: the delivery still verifies, so a
        // header-keyed dedupe table lets the same signed body through again.
        headers[Webhooks.DeliveryIdHeader] = "delivery_forged";
        Assert.That(Verify(c, headers), Is.True);

        // The body's id is covered by the signature.
        string body = (string)c["body"]!;
        Assert.That(body, Does.Contain("\"id\":\"delivery_1\""));
        Assert.That(Verify(c, headers, body: body.Replace("delivery_1", "delivery_2", StringComparison.Ordinal)), Is.False);

        // ... and that is what the documentation tells users to deduplicate on.
        string readme = System.IO.File.ReadAllText(Path.Combine(TestSupport.TestVectors.RepoRoot, "Attesto", "README.md"));
        Assert.That(readme, Does.Contain("deduplicate on the signed body `id`").And.Contain("`X-Attesto-Delivery-Id` header is not signed"));
    }

    [TestCaseSource(nameof(Cases))]
    public void Webhook_vector(JObject c) => Assert.That(Verify(c), Is.EqualTo((bool)c["expected"]!));

    [TestCase(-301, false)]
    [TestCase(-300, true)]
    [TestCase(-299, true)]
    [TestCase(0, true)]
    [TestCase(299, true)]
    [TestCase(300, true)]
    [TestCase(301, false)]
    public void Skew_boundaries(int offset, bool expected) =>
        Assert.That(Verify(ValidCase, now: (long)ValidCase["now"]! + offset), Is.EqualTo(expected));

    [Test]
    public void Default_skew_is_300_seconds()
    {
        JObject c = ValidCase;
        byte[] body = Encoding.UTF8.GetBytes((string)c["body"]!);
        long ts = long.Parse((string)c["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(Webhooks.Verify(body, Headers(c), (string)c["secret"]!, now: DateTimeOffset.FromUnixTimeSeconds(ts + 300)), Is.True);
        Assert.That(Webhooks.Verify(body, Headers(c), (string)c["secret"]!, now: DateTimeOffset.FromUnixTimeSeconds(ts + 301)), Is.False);
    }

    [Test]
    public void Wrong_secret_and_altered_body_fail()
    {
        Assert.That(Verify(ValidCase, secret: "whsec_wrong"), Is.False);
        Assert.That(Verify(ValidCase, body: (string)ValidCase["body"]! + " "), Is.False);
        Assert.That(Verify(ValidCase, secret: ""), Is.False);
    }

    [Test]
    public void Header_names_are_case_insensitive_and_upper_case_hex_is_accepted()
    {
        var headers = new Dictionary<string, string>
        {
            ["x-attesto-timestamp"] = (string)ValidCase["timestamp"]!,
            ["X-ATTESTO-SIGNATURE"] = ((string)ValidCase["signature"]!).ToUpperInvariant(),
        };
        Assert.That(Verify(ValidCase, headers), Is.True);
    }

    [Test]
    public void Missing_or_malformed_headers_fail()
    {
        Dictionary<string, string> headers = Headers(ValidCase);
        Assert.That(Verify(ValidCase, headers.Where(h => !h.Key.EndsWith("Timestamp", StringComparison.Ordinal)).ToDictionary()), Is.False);
        Assert.That(Verify(ValidCase, headers.Where(h => !h.Key.EndsWith("Signature", StringComparison.Ordinal)).ToDictionary()), Is.False);
        Assert.That(Verify(ValidCase, []), Is.False);
        var shortSig = new Dictionary<string, string>(headers) { ["X-Attesto-Signature"] = ((string)ValidCase["signature"]!)[..63] };
        Assert.That(Verify(ValidCase, shortSig), Is.False);
        var spacedTs = new Dictionary<string, string>(headers) { ["X-Attesto-Timestamp"] = " " + (string)ValidCase["timestamp"]! };
        Assert.That(Verify(ValidCase, spacedTs), Is.False);
        var negativeTs = new Dictionary<string, string>(headers) { ["X-Attesto-Timestamp"] = "-1" };
        Assert.That(Verify(ValidCase, negativeTs), Is.False);
    }

    [Test]
    public void Connector_headers_match_the_vector()
    {
        JObject connector = (JObject)File["connector"]!;
        byte[] body = Convert.FromHexString((string)connector["body_hex"]!);
        Assert.That(Encoding.UTF8.GetString(body), Is.EqualTo((string)connector["body"]!));
        IReadOnlyDictionary<string, string> headers = ConnectorWebhooks.SignHeaders((string)connector["secret"]!, body, (long)connector["timestamp"]!);
        var expected = ((JObject)connector["headers_expected"]!).Properties().ToDictionary(p => p.Name, p => (string)p.Value!);
        Assert.That(headers, Is.EquivalentTo(expected));
    }

    [Test]
    public void Connector_headers_default_to_now_and_reject_bad_input()
    {
        IReadOnlyDictionary<string, string> headers = ConnectorWebhooks.SignHeaders("s", [1, 2, 3]);
        long ts = long.Parse(headers[ConnectorWebhooks.TimestampHeader], System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(Math.Abs(ts - DateTimeOffset.UtcNow.ToUnixTimeSeconds()), Is.LessThan(60));
        Assert.That(headers, Has.Count.EqualTo(2));
        Assert.Throws<AttestoValidationException>(() => ConnectorWebhooks.SignHeaders("", [1]));
        Assert.Throws<AttestoValidationException>(() => ConnectorWebhooks.SignHeaders("s", [1], -5));
    }
}
