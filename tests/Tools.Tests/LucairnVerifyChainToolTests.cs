using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TestSupport;

namespace Tools.Tests;

/// <summary><c>lucairn-verify --chain</c> as a process, over parity-corpus case certificates and the corpus keys.</summary>
public class LucairnVerifyChainToolTests
{
    private static readonly string KeysFile = ChainCaseFiles.KeysFile;
    private string _directory = null!;

    [OneTimeSetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("lucairn-chain-tool-").FullName;

    [OneTimeTearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private static Task<ToolProcess.Result> Run(string? stdin, params string[] args) =>
        ToolProcess.RunAsync("Lucairn/tools/Lucairn.Verify", "lucairn-verify", stdin, args);

    private static JObject CaseFile(string id) => ChainCaseFiles.CaseFile(id);

    private static JObject Parse(string json) => ChainCaseFiles.Parse(json);

    private static byte[] CertificateBytes(string id) => ChainCaseFiles.CertificateBytes(id);

    private string CertificatePath(string id)
    {
        string path = Path.Combine(_directory, id + ".json");
        if (!File.Exists(path))
        {
            File.WriteAllBytes(path, CertificateBytes(id));
        }

        return path;
    }

    private static string Key(string service) => ChainCaseFiles.ServiceKey(service);

    [TestCase("honest_full_chain_egress", "default", 0)]
    [TestCase("honest_full_chain_request_bound", "default", 0)]
    [TestCase("honest_input_shield", "default", 1)]
    [TestCase("inference_cancelled", "default", 1)]
    [TestCase("legacy_v2_signable_only", "minimum_v3", 1)]
    [TestCase("tamper_claim_body_edited_same_id", "default", 1)]
    [TestCase("tamper_certificate_duplicate_key", "default", 1)]
    [TestCase("tamper_certificate_id_mismatch", "minimum_v3", 1)]
    public async Task Json_output_equals_the_cases_expected_result(string id, string policy, int exitCode)
    {
        JObject caseFile = CaseFile(id);
        var args = new List<string> { "--chain", CertificatePath(id), "--service-keys", KeysFile, "--allow-test-keys", "--json" };
        if (policy == "minimum_v3")
        {
            args.AddRange(["--min-signable", "v3"]);
        }

        if (caseFile["inputs"] is JObject inputs)
        {
            args.AddRange(["--expect-request-id", (string)inputs["expected_request_id"]!, "--expect-certificate-id", (string)inputs["expected_certificate_id"]!]);
        }

        var result = await Run(null, [.. args]);

        Assert.That(result.ExitCode, Is.EqualTo(exitCode), result.StandardError);
        JObject actual = Parse(result.StandardOutput);
        JToken expected = caseFile["expected"]![policy]!;
        Assert.That(JToken.DeepEquals(actual, expected), Is.True, $"actual {actual.ToString(Formatting.None)}\nexpected {expected.ToString(Formatting.None)}");
        Assert.That(actual.Properties().Select(p => p.Name), Is.EqualTo(new[] { "verdict", "reason", "egress_attestation", "user_unredacted", "signed_cert_tier", "signable_version", "request_binding", "verified" }));
    }

    [TestCase("honest_input_shield", "egress_unattested", 0)]
    [TestCase("honest_input_shield", "VERIFIED", 1)]
    [TestCase("inference_cancelled", "partial", 0)]
    [TestCase("inference_cancelled", "egress_unattested", 1)]
    [TestCase("tamper_claim_body_edited_same_id", "partial", 1)]
    public async Task Require_sets_the_bar_for_exit_0(string id, string require, int exitCode)
    {
        var result = await Run(null, "--chain", CertificatePath(id), "--service-keys", KeysFile, "--allow-test-keys", "--require", require);
        Assert.That(result.ExitCode, Is.EqualTo(exitCode), result.StandardError);
        Assert.That(result.StandardOutput, Does.Contain(exitCode == 0 ? ": met" : ": not met"));
    }

    [Test]
    public async Task Repeated_service_keys_from_standard_input_print_a_text_report()
    {
        string certificate = Encoding.UTF8.GetString(CertificateBytes("honest_full_chain_egress"));
        var witness = (JObject)Parse(File.ReadAllText(KeysFile))["witness"]!;
        var args = new List<string> { "-", "--chain", "--key-id", (string)witness["key_id"]!, "--witness-key", (string)witness["public_key_base64"]!, "--allow-test-keys" };
        foreach (string service in new[] { "dsa-bridge", "dsa-sanitizer", "dsa-ai", "dsa-audit" })
        {
            args.AddRange(["--service-key", $"{service}={Key(service)}"]);
        }

        var result = await Run(certificate, [.. args]);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardError);
        Assert.That(result.StandardOutput, Does.StartWith("VERIFIED  reason ok (recipe step 9e)"));
        Assert.That(result.StandardOutput, Does.Contain("egress signed_digests").And.Contain("4 claim signature(s) verified").And.Contain("0:dsa-bridge:TOKEN_GENERATED"));
        Assert.That(result.StandardOutput.All(c => c < 128), Is.True, "text output is ASCII");
    }

    [Test]
    public async Task Flags_combine_with_the_key_file_and_an_unpinned_service_fails_unknown_service()
    {
        var result = await Run(null, "--chain", CertificatePath("honest_full_chain_egress"), "--service-keys", KeysFile, "--allow-test-keys",
            "--key-id", "witness_parity_v1");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.StandardError);

        var witness = (JObject)Parse(File.ReadAllText(KeysFile))["witness"]!;
        var partial = await Run(null, "--chain", CertificatePath("honest_full_chain_egress"), "--allow-test-keys", "--json",
            "--key-id", (string)witness["key_id"]!, "--witness-key", (string)witness["public_key_base64"]!, "--service-key", "dsa-bridge=" + Key("dsa-bridge"));
        Assert.That(partial.ExitCode, Is.EqualTo(1), partial.StandardError);
        Assert.That((string?)Parse(partial.StandardOutput)["reason"], Is.EqualTo("unknown_service"));
    }

    [Test]
    public async Task Corpus_keys_are_refused_without_the_test_key_switch()
    {
        var result = await Run(null, "--chain", CertificatePath("honest_full_chain_egress"), "--service-keys", KeysFile);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StandardError, Does.Contain("key_test_key").And.Contain("'witness'"));
        Assert.That(result.StandardOutput, Is.Empty);
    }

    [TestCase("--require", "failed", "--require must be")]
    [TestCase("--service-key", "dsa-ai", "SERVICE_ID=BASE64_KEY")]
    [TestCase("--min-signable", "v9", "--min-signable must be v2 or v3")]
    [TestCase("--bogus", null, "unknown option --bogus")]
    [TestCase("--service-key", "dsa-extra=AAAA", "key_malformed")]
    [TestCase("missing-file", null, "cannot read")]
    [TestCase("no-service-keys", null, "pin at least one service key")]
    [TestCase("duplicate-service", null, "given twice")]
    public async Task Usage_key_and_io_errors_exit_2(string option, string? value, string expected)
    {
        string certificate = CertificatePath("honest_full_chain_egress");
        var args = option switch
        {
            "missing-file" => new List<string> { "--chain", "/nonexistent/cert.json", "--service-keys", KeysFile, "--allow-test-keys" },
            "no-service-keys" => ["--chain", certificate, "--key-id", "w", "--witness-key", "w", "--allow-test-keys"],
            "duplicate-service" => ["--chain", certificate, "--service-keys", KeysFile, "--allow-test-keys", "--service-key", "dsa-ai=" + Key("dsa-ai")],
            _ => ["--chain", certificate, "--service-keys", KeysFile, "--allow-test-keys", option],
        };
        if (value is not null)
        {
            args.Add(value);
        }

        var result = await Run(null, [.. args]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.StandardOutput);
        Assert.That(result.StandardError, Does.Contain(expected));
    }
}
