using Attesto;
using Attesto.Testing;
using Fuzz.Harness;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Fuzz.Targets;

/// <summary>
/// A verifier bundle with the keys to check it against, as one envelope
/// (<c>receipt_public_key_hex</c>, <c>witness_public_keys</c>, <c>allow_mock</c>,
/// <c>expected_bundle_hash</c>, <c>bundle</c>), through <see cref="VerifierBundle.Verify"/>. The keys
/// travel with the input because the only full bundle seed is built at run time by
/// <see cref="MockAttesto"/>, whose keys are fresh each time. VerifierBundle.Verify documents no
/// exception for non-null arguments: every bad bundle must come back as a failed report.
/// </summary>
public sealed class AttestoVerifierBundleTarget : FuzzTarget
{
    /// <inheritdoc />
    public override string Name => "attesto-bundle";

    /// <inheritdoc />
    public override string Description => "{keys, bundle} JSON -> VerifierBundle.Verify";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DocumentedExceptions { get; } = [typeof(AttestoValidationException), typeof(AttestoUnsafeNumberException)];

    /// <summary>A bundle of the vectors' receipts alone (the other artifacts missing), under the vectors' receipt key.</summary>
    /// <inheritdoc />
    public override IEnumerable<FuzzInput> SeedInputs(Seeds seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        JToken vector = seeds.Json("attesto", "receipt.proposed.json");
        var envelope = new JObject
        {
            ["receipt_public_key_hex"] = vector["public_key_hex"]!.DeepClone(),
            ["witness_public_keys"] = new JObject(),
            ["bundle"] = new JObject
            {
                ["manifest"] = new JObject { ["artifacts"] = new JObject() },
                ["artifacts"] = new JObject { ["receipts.json"] = new JArray(vector.SelectTokens("cases[*].receipt").Select(r => r.DeepClone())) },
            },
        };
        yield return FuzzInput.Text("receipt.proposed.json#receipts-only-bundle", envelope.ToString(Formatting.None));
    }

    /// <summary>The vector-derived seed plus one full bundle (2 windows, 1 checkpoint, 3 witnesses) built by <see cref="MockAttesto"/> in-process.</summary>
    /// <inheritdoc />
    public override async Task<IReadOnlyList<FuzzInput>> SeedInputsAsync(Seeds seeds, CancellationToken cancellationToken = default)
    {
        var inputs = SeedInputs(seeds).ToList();
        await using var mock = new MockAttesto(new MockAttestoOptions { WindowSize = 2 });
        using var handler = mock.CreateHandler();
        using var http = new HttpClient(handler);
        using var client = new AttestoV2Client(
            new AttestoClientOptions(mock.ApiKey)
            {
                BaseUrl = mock.BaseUrl,
                Proofstream = new ProofstreamOptions { ReceiptPublicKeyHex = mock.PublicKeyHex, AllowMockReceipts = true, HeadStore = new MemoryHeadStore() },
            },
            http);
        string streamId = (await client.CreateStreamAsync("fuzz", "pol_fuzz", cancellationToken: cancellationToken)).StreamId!;
        await client.LogEventsAsync(streamId, Enumerable.Range(1, 4).Select(i => new StreamEventInput($"e-{i}", new { i })), cancellationToken: cancellationToken);
        string checkpointId = mock.CreateCheckpoint(streamId);
        VerifierBundleResult bundle = await client.BuildVerifierBundleAsync(checkpointId, checkpointId, cancellationToken);
        var envelope = new JObject
        {
            ["receipt_public_key_hex"] = mock.PublicKeyHex,
            ["witness_public_keys"] = JObject.FromObject(mock.WitnessPublicKeys),
            ["allow_mock"] = true,
            ["bundle"] = bundle.GetBundle(),
        };
        inputs.Add(FuzzInput.Text("MockAttesto#bundle", envelope.ToString(Formatting.None)));
        return inputs;
    }

    /// <inheritdoc />
    protected override void Execute(ReadOnlySpan<byte> input)
    {
        JToken root = AttestoInput.Parse(input);
        var witnesses = new Dictionary<string, string>(StringComparer.Ordinal);
        if (AttestoInput.Member(root, "witness_public_keys") is JObject keys)
        {
            foreach (JProperty key in keys.Properties())
            {
                witnesses[key.Name] = AttestoInput.Text(key.Value);
            }
        }

        var bundleKeys = new VerifierBundleKeys(AttestoInput.Text(AttestoInput.Member(root, "receipt_public_key_hex")), witnesses)
        {
            AllowMock = AttestoInput.Member(root, "allow_mock") is JValue { Value: true },
            ExpectedBundleHash = AttestoInput.Member(root, "expected_bundle_hash") is { Type: JTokenType.String } hash ? (string)hash! : null,
            MinimumQuorum = (int)Math.Clamp(AttestoInput.Integer(AttestoInput.Member(root, "minimum_quorum"), 1), int.MinValue, int.MaxValue),
        };
        JObject bundle = AttestoInput.Member(root, "bundle") as JObject ?? (root as JObject) ?? new JObject();
        _ = VerifierBundle.Verify(bundle, bundleKeys);
    }
}
