using Attesto;
using System.Text;
using Fuzz.Harness;
using Newtonsoft.Json.Linq;

namespace Fuzz.Targets;

/// <summary>
/// A webhook case object shaped like <c>webhook.derived.json</c>'s cases (<c>timestamp</c>,
/// <c>signature</c>, <c>body</c>, <c>secret</c>, <c>now</c>, optional extra <c>headers</c>)
/// through <see cref="Webhooks.Verify"/>: the body as UTF-8 bytes, the two values as the
/// <c>X-Attesto-Timestamp</c>/<c>X-Attesto-Signature</c> headers.
/// </summary>
public sealed class AttestoWebhookTarget : FuzzTarget
{
    private static readonly DateTimeOffset DefaultNow = DateTimeOffset.FromUnixTimeSeconds(1_760_000_000);

    /// <inheritdoc />
    public override string Name => "attesto-webhook";

    /// <inheritdoc />
    public override string Description => "webhook case JSON (headers, body, secret, now) -> Webhooks.Verify";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = AttestoInput.ParseAndSelfTest;

    /// <inheritdoc />
    public override IEnumerable<FuzzInput> SeedInputs(Seeds seeds) => seeds.Attesto("webhook.derived.json", "cases[*]");

    /// <inheritdoc />
    protected override void Execute(ReadOnlySpan<byte> input)
    {
        JToken root = AttestoInput.Parse(input);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("X-Attesto-Timestamp", AttestoInput.Text(AttestoInput.Member(root, "timestamp"))),
            new("X-Attesto-Signature", AttestoInput.Text(AttestoInput.Member(root, "signature"))),
        };
        if (AttestoInput.Member(root, "headers") is JObject extra)
        {
            headers.AddRange(extra.Properties().Select(p => new KeyValuePair<string, string>(p.Name, AttestoInput.Text(p.Value))));
        }

        long seconds = AttestoInput.Integer(AttestoInput.Member(root, "now"), DefaultNow.ToUnixTimeSeconds());
        DateTimeOffset now = seconds is > -62_135_596_800 and < 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DefaultNow;
        byte[] body = Encoding.UTF8.GetBytes(AttestoInput.Text(AttestoInput.Member(root, "body")));
        _ = Webhooks.Verify(body, headers, AttestoInput.Text(AttestoInput.Member(root, "secret")), now: now);
    }
}
