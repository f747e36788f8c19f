using Newtonsoft.Json.Linq;
using TestSupport;

namespace Tools.Tests;

public class AttestoVerifyToolTests
{
    private static Task<ToolProcess.Result> Run(string? stdin, params string[] args) =>
        ToolProcess.RunAsync("Attesto/tools/Attesto.Verify", "attesto-verify", stdin, args);

    private static JObject Vector(string file) => JObject.Parse(TestVectors.ReadText("attesto", file));

    private static IEnumerable<TestCaseData> ReceiptCases() =>
        Vector("receipt.proposed.json")["cases"]!.Cast<JObject>().Select(c => new TestCaseData(c).SetArgDisplayNames((string)c["name"]!));

    [TestCaseSource(nameof(ReceiptCases))]
    public async Task Receipt_vectors_give_the_manifest_outcome(JObject c)
    {
        JObject vector = Vector("receipt.proposed.json");
        string publicKey = (string?)c["public_key_hex"] ?? (string)vector["public_key_hex"]!;

        bool allowMock = (bool?)c["allow_mock"] ?? false;
        string[] args = allowMock
            ? ["receipt", "-", "--public-key", publicKey, "--json", "--allow-mock"]
            : ["receipt", "-", "--public-key", publicKey, "--json"];

        var result = await Run(c["receipt"]!.ToString(), args);

        bool expectedOk = (bool)c["expected_ok"]!;
        Assert.That(result.ExitCode, Is.EqualTo(expectedOk ? 0 : 1), result.StandardError);
        var report = JObject.Parse(result.StandardOutput);
        Assert.That((bool)report["ok"]!, Is.EqualTo(expectedOk));
        Assert.That(report["problems"]!.Values<string>(), Is.EquivalentTo(c["expected_problems"]?.Values<string>() ?? []));
        if (c["expected_digest_hex"] is { } digest)
        {
            Assert.That((string?)report["digest"], Is.EqualTo((string?)digest));
        }

        if (allowMock)
        {
            // Without the opt-in, mock evidence must not pass.
            var refused = await Run(c["receipt"]!.ToString(), "receipt", "-", "--public-key", publicKey, "--json");
            Assert.That(refused.ExitCode, Is.EqualTo(1));
            Assert.That(JObject.Parse(refused.StandardOutput)["problems"]!.Values<string>(), Does.Contain("mock receipt"));
        }
    }

    [Test]
    public async Task Inclusion_proof_from_the_merkle_vector_and_a_flipped_side()
    {
        JObject window = (JObject)Vector("merkle.proposed.json")["window"]!;
        JObject first = (JObject)window["inclusion_cases"]![0]!;
        string proofFile = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"proof-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(proofFile, first["proof"]!.ToString());

        var ok = await Run(null, "inclusion", "--leaf", (string)first["leaf_hash"]!, "--root", (string)first["root_hash"]!, "--proof", proofFile);
        Assert.That(ok.ExitCode, Is.EqualTo(0), ok.StandardError);
        Assert.That(ok.StandardOutput, Does.StartWith("OK  inclusion proof verified offline"));

        JArray flipped = (JArray)first["proof"]!.DeepClone();
        flipped[0]!["position"] = "left";
        var bad = await Run(flipped.ToString(), "inclusion", "--leaf", (string)first["leaf_hash"]!, "--root", (string)first["root_hash"]!, "--proof", "-");
        Assert.That(bad.ExitCode, Is.EqualTo(1));
        Assert.That(bad.StandardOutput, Does.StartWith("FAILED  inclusion proof"));
    }

    private static IEnumerable<TestCaseData> CompletenessCases() =>
        Vector("chain-rules.derived.json")["completeness"]!.Cast<JObject>().Select(c => new TestCaseData(c).SetArgDisplayNames((string)c["name"]!));

    [TestCaseSource(nameof(CompletenessCases))]
    public async Task Completeness_vectors_give_the_manifest_outcome(JObject c)
    {
        var result = await Run(c["events"]!.ToString(), "completeness", "-", "--from", (string)c["from_seq_no"]!, "--to", (string)c["to_seq_no"]!, "--json");

        bool expectedOk = (bool)c["expected_ok"]!;
        Assert.That(result.ExitCode, Is.EqualTo(expectedOk ? 0 : 1), result.StandardError);
        Assert.That((bool)JObject.Parse(result.StandardOutput)["ok"]!, Is.EqualTo(expectedOk));
    }

    [TestCase(new string[0], "usage:")]
    [TestCase(new[] { "frobnicate" }, "unknown command")]
    [TestCase(new[] { "receipt", "/nonexistent.json", "--public-key", "00" }, "cannot read")]
    [TestCase(new[] { "receipt", "-" }, "--public-key is required")]
    [TestCase(new[] { "completeness", "-", "--from", "x", "--to", "2" }, "--from must be a whole number")]
    public async Task Usage_and_io_errors_exit_2(string[] args, string expected)
    {
        var result = await Run("[]", args);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError + result.StandardOutput, Does.Contain(expected));
    }

    [Test]
    public async Task Unparseable_evidence_is_an_input_error()
    {
        var result = await Run("{\"a\":1,\"a\":2}", "receipt", "-", "--public-key", new string('0', 64));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain("is not acceptable JSON"));
    }
}
