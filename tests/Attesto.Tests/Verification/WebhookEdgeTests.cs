using System.Text;

namespace Attesto.Tests.Verification;

/// <summary>Header handling, the skew override and the timestamp length limit of webhook verification; connector signing guards.</summary>
public class WebhookEdgeTests
{
    private const string Secret = "whsec_test";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"event\":\"x\"}");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_780_000_000);

    private static KeyValuePair<string, string> Header(string key, string value) => new(key, value);

    private static KeyValuePair<string, string> SignatureFor(string timestamp) => Header(Webhooks.SignatureHeader, Webhooks.Sign(Secret, timestamp, Body));

    [Test]
    public void A_header_without_a_name_is_skipped()
    {
        string ts = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        KeyValuePair<string, string>[] headers = [Header(null!, "x"), Header(Webhooks.TimestampHeader, ts), SignatureFor(ts)];
        Assert.That(Webhooks.Verify(Body, headers, Secret, now: Now), Is.True);
    }

    [Test]
    public void The_first_timestamp_header_counts_and_a_signature_is_never_taken_for_a_timestamp()
    {
        string ts = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        KeyValuePair<string, string>[] repeated = [Header(Webhooks.TimestampHeader, ts), Header(Webhooks.TimestampHeader, "1"), SignatureFor(ts)];
        Assert.That(Webhooks.Verify(Body, repeated, Secret, now: Now), Is.True);

        KeyValuePair<string, string>[] signatureFirst = [SignatureFor(ts), Header(Webhooks.TimestampHeader, ts)];
        Assert.That(Webhooks.Verify(Body, signatureFirst, Secret, now: Now), Is.True);
    }

    [Test]
    public void A_caller_skew_replaces_the_default()
    {
        string ts = (Now.ToUnixTimeSeconds() - 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
        KeyValuePair<string, string>[] headers = [Header(Webhooks.TimestampHeader, ts), SignatureFor(ts)];
        Assert.That(Webhooks.Verify(Body, headers, Secret, now: Now), Is.True, "within the default 300 s");
        Assert.That(Webhooks.Verify(Body, headers, Secret, TimeSpan.FromSeconds(10), Now), Is.False);
    }

    [Test]
    public void A_timestamp_longer_than_18_digits_is_refused_even_when_signed()
    {
        string padded = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(19, '0');
        Assert.That(Webhooks.Verify(Body, [Header(Webhooks.TimestampHeader, padded), SignatureFor(padded)], Secret, now: Now), Is.False);

        string eighteen = padded[1..];
        Assert.That(Webhooks.Verify(Body, [Header(Webhooks.TimestampHeader, eighteen), SignatureFor(eighteen)], Secret, now: Now), Is.True);
    }

    [Test]
    public void Connector_signing_guards_name_what_was_wrong()
    {
        Assert.That(Assert.Throws<AttestoValidationException>(() => ConnectorWebhooks.SignHeaders(null!, Body))!.ParamName, Is.EqualTo("secret"));
        Assert.That(Assert.Throws<AttestoValidationException>(() => ConnectorWebhooks.SignHeaders(Secret, null!))!.ParamName, Is.EqualTo("body"));
        Assert.That(Assert.Throws<AttestoValidationException>(() => ConnectorWebhooks.SignHeaders(string.Empty, Body))!.Message, Is.EqualTo("The connector secret must not be empty."));
        Assert.That(Assert.Throws<AttestoValidationException>(() => ConnectorWebhooks.SignHeaders(Secret, Body, -5))!.Message, Is.EqualTo("The timestamp must not be negative; got -5."));
    }
}
