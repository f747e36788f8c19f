using System.Globalization;
using System.Text;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// Verification of inbound Attesto webhooks (spec §13): <c>X-Attesto-Signature</c> is the hex
/// HMAC-SHA256, keyed with the secret, of <c>X-Attesto-Timestamp</c> + <c>.</c> + the raw body.
/// Headers are matched case-insensitively, the signature is compared in constant time, and a
/// timestamp more than the allowed skew from now is rejected (replay protection). Fails
/// closed: anything missing or malformed gives false. Pure and thread-safe.
/// <para>
/// The timestamp window alone does not stop a replay inside it: deduplicate deliveries on the
/// <c>id</c> field of the verified body (<c>{id, event, tenant_id, created_at, data}</c>), which
/// the signature covers, and keep seen ids for at least the skew window. Do not deduplicate on
/// the <see cref="DeliveryIdHeader"/> header: it is not signed, so a replayer can change it freely.
/// </para>
/// </summary>
public static class Webhooks
{
    /// <summary>The event-name header.</summary>
    public const string EventHeader = "X-Attesto-Event";

    /// <summary>
    /// The delivery-id header. Not covered by the signature: informational only. Deduplicate on
    /// the signed body's <c>id</c> instead (see <see cref="Webhooks"/>).
    /// </summary>
    public const string DeliveryIdHeader = "X-Attesto-Delivery-Id";

    /// <summary>The Unix-seconds timestamp header.</summary>
    public const string TimestampHeader = "X-Attesto-Timestamp";

    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Attesto-Signature";

    /// <summary>The default allowed clock skew: 300 s (exactly 300 s passes).</summary>
    public static readonly TimeSpan DefaultMaxSkew = TimeSpan.FromSeconds(300);

    /// <summary>Verifies a webhook delivery.</summary>
    /// <param name="body">The raw request body bytes, exactly as received.</param>
    /// <param name="headers">The request headers (names in any case).</param>
    /// <param name="secret">The webhook secret.</param>
    /// <param name="maxSkew">The allowed distance between the timestamp and now; default 300 s.</param>
    /// <param name="now">The current time; default the system clock.</param>
    /// <returns>
    /// Whether the delivery is authentic and fresh. True does not mean "new": a delivery replayed
    /// within the skew window verifies again, so deduplicate on the signed body's <c>id</c>, never
    /// on the unsigned <see cref="DeliveryIdHeader"/>.
    /// </returns>
    /// <exception cref="AttestoValidationException"><paramref name="secret"/> is null.</exception>
    /// <exception cref="AttestoSelfTestException">The SDK's self-test failed on this machine.</exception>
    public static bool Verify(byte[] body, IEnumerable<KeyValuePair<string, string>> headers, string secret, TimeSpan? maxSkew = null, DateTimeOffset? now = null)
    {
        AttestoArguments.NotNull(secret, nameof(secret));
        SelfTest.EnsurePassed();
        if (body is null || headers is null || secret.Length == 0)
        {
            return false;
        }

        string? timestamp = null;
        string? signature = null;
        foreach (KeyValuePair<string, string> header in headers)
        {
            if (header.Key is null)
            {
                continue;
            }

            if (timestamp is null && header.Key.Equals(TimestampHeader, StringComparison.OrdinalIgnoreCase))
            {
                timestamp = header.Value;
            }
            else if (signature is null && header.Key.Equals(SignatureHeader, StringComparison.OrdinalIgnoreCase))
            {
                signature = header.Value;
            }
        }

        if (timestamp is null || signature is null || !TryParseUnixSeconds(timestamp, out long sentAt))
        {
            return false;
        }

        long current = (now ?? TimeProvider.System.GetUtcNow()).ToUnixTimeSeconds();
        double skew = Math.Abs((double)current - sentAt);
        if (skew > (maxSkew ?? DefaultMaxSkew).TotalSeconds)
        {
            return false;
        }

        // The expected MAC is lowercase hex; the received one may be either case.
        return ConstantTime.EqualsAscii(Sign(secret, timestamp, body), signature, ignoreAsciiCase: true);
    }

    /// <summary>The lowercase hex HMAC-SHA256 of <c>timestamp + "." + body</c> keyed with the UTF-8 secret.</summary>
    internal static string Sign(string secret, string timestamp, byte[] body)
    {
        byte[] message = new byte[timestamp.Length + 1 + body.Length];
        int written = Encoding.ASCII.GetBytes(timestamp, message);
        message[written] = (byte)'.';
        body.CopyTo(message, written + 1);
        return Hex.Encode(Hashes.HmacSha256(Encoding.UTF8.GetBytes(secret), message));
    }

    private static bool TryParseUnixSeconds(string text, out long seconds)
    {
        seconds = 0;
        return text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
    }
}
