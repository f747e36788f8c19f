using System.Globalization;

namespace Attesto;

/// <summary>
/// Signing for the signed-webhook connector endpoint (spec §14,
/// <c>POST /v2/connectors/signed-webhooks/{connectorId}/events</c>): HMAC-SHA256 over
/// <c>timestamp + "." + raw body</c>. Pure and thread-safe.
/// </summary>
public static class ConnectorWebhooks
{
    /// <summary>The Unix-seconds timestamp header.</summary>
    public const string TimestampHeader = "X-Attesto-Connector-Timestamp";

    /// <summary>The hex signature header.</summary>
    public const string SignatureHeader = "X-Attesto-Connector-Signature";

    /// <summary>Builds exactly the two connector headers for a body.</summary>
    /// <param name="secret">The connector secret.</param>
    /// <param name="body">The raw body bytes you will send.</param>
    /// <param name="timestamp">The Unix-seconds timestamp to sign; default now.</param>
    /// <returns><see cref="TimestampHeader"/> and <see cref="SignatureHeader"/> with their values.</returns>
    /// <exception cref="AttestoValidationException">The secret is empty or the timestamp negative.</exception>
    /// <exception cref="AttestoSelfTestException">The SDK's self-test failed on this machine.</exception>
    public static IReadOnlyDictionary<string, string> SignHeaders(string secret, byte[] body, long? timestamp = null)
    {
        AttestoArguments.NotNull(secret, nameof(secret));
        AttestoArguments.NotNull(body, nameof(body));
        SelfTest.EnsurePassed();
        if (secret.Length == 0)
        {
            throw new AttestoValidationException("The connector secret must not be empty.");
        }

        long seconds = timestamp ?? TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        if (seconds < 0)
        {
            throw new AttestoValidationException($"The timestamp must not be negative; got {seconds}.");
        }

        string text = seconds.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [TimestampHeader] = text,
            [SignatureHeader] = Webhooks.Sign(secret, text, body),
        };
    }
}
