using Attesto;
using Attesto.Testing;
using Newtonsoft.Json.Linq;

namespace Tools.Tests;

/// <summary><c>attesto-verify bundle</c> over a real bundle built by MockAttesto.</summary>
public class AttestoVerifyBundleToolTests
{
    private static Task<ToolProcess.Result> Run(params string[] args) =>
        ToolProcess.RunAsync("Attesto/tools/Attesto.Verify", "attesto-verify", null, args);

    [Test]
    public async Task Bundle_verifies_only_with_the_callers_keys_and_the_mock_opt_in()
    {
        await using var mock = MockAttesto.Start(new MockAttestoOptions { WindowSize = 2 });
        using var client = new AttestoV2Client(
            new AttestoClientOptions(mock.ApiKey)
            {
                BaseUrl = mock.BaseUrl,
                Proofstream = new ProofstreamOptions { ReceiptPublicKeyHex = mock.PublicKeyHex, AllowMockReceipts = true, HeadStore = new MemoryHeadStore() },
            });
        string streamId = (await client.CreateStreamAsync("tool", "pol_tool")).StreamId!;
        await client.LogEventsAsync(streamId, Enumerable.Range(1, 4).Select(i => new StreamEventInput($"e-{i}", new { i })));
        string checkpointId = mock.CreateCheckpoint(streamId);
        VerifierBundleResult bundle = await client.BuildVerifierBundleAsync(checkpointId, checkpointId);

        string dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"bundle-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        string bundleFile = Path.Combine(dir, "bundle.json");
        string witnessFile = Path.Combine(dir, "witnesses.json");
        await File.WriteAllTextAsync(bundleFile, bundle.GetBundle()!.ToString());
        await File.WriteAllTextAsync(witnessFile, JObject.FromObject(mock.WitnessPublicKeys).ToString());

        var ok = await Run("bundle", bundleFile, "--public-key", mock.PublicKeyHex, "--witness-keys", witnessFile, "--allow-mock", "--json");
        Assert.That(ok.ExitCode, Is.EqualTo(0), ok.StandardOutput + ok.StandardError);
        var report = JObject.Parse(ok.StandardOutput);
        Assert.That(report["checked"]!.Count(), Is.EqualTo(7));

        var refused = await Run("bundle", bundleFile, "--public-key", mock.PublicKeyHex, "--witness-keys", witnessFile, "--json");
        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(JObject.Parse(refused.StandardOutput)["problems"]!.Values<string>(), Does.Contain("mock bundle"));

        string otherKey = Shared.Crypto.Ed25519PrivateKey.Generate().PublicKey.ToHex();
        var wrongKey = await Run("bundle", bundleFile, "--public-key", otherKey, "--witness-keys", witnessFile, "--allow-mock");
        Assert.That(wrongKey.ExitCode, Is.EqualTo(1));
        Assert.That(wrongKey.StandardOutput, Does.StartWith("FAILED  verifier bundle"));

        var anchor = (JObject)bundle.GetBundle()!["artifacts"]!["anchors.json"]![0]!;
        string contract = (string)anchor["contract_address"]!;
        var expected = await Run("bundle", bundleFile, "--public-key", mock.PublicKeyHex, "--witness-keys", witnessFile, "--allow-mock", "--contract", contract, "--chain-id", (string)anchor["chain_id"]!);
        Assert.That(expected.ExitCode, Is.EqualTo(0), expected.StandardOutput + expected.StandardError);

        const string Trusted = "0x00000000000000000000000000000000000a7e57";
        var hostile = await Run("bundle", bundleFile, "--public-key", mock.PublicKeyHex, "--witness-keys", witnessFile, "--allow-mock", "--contract", Trusted, "--chain-id", "1", "--json");
        Assert.That(hostile.ExitCode, Is.EqualTo(1));
        Assert.That(JObject.Parse(hostile.StandardOutput)["problems"]!.Values<string>(), Has.Some.StartsWith("contract address mismatch").And.Some.StartsWith("chain id mismatch"));

        var badContract = await Run("bundle", bundleFile, "--public-key", mock.PublicKeyHex, "--witness-keys", witnessFile, "--contract", "0x12");
        Assert.That(badContract.ExitCode, Is.EqualTo(2));
        Assert.That(badContract.StandardError, Does.Contain("--contract"));

        await File.WriteAllTextAsync(witnessFile, "[]");
        var badKeys = await Run("bundle", bundleFile, "--public-key", mock.PublicKeyHex, "--witness-keys", witnessFile);
        Assert.That(badKeys.ExitCode, Is.EqualTo(2));
    }
}
