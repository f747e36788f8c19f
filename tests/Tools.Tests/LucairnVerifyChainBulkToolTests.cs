using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Tools.Tests;

/// <summary><c>lucairn-verify --chain</c> with many inputs (directories, NDJSON, standard input) over parity-corpus certificates and the corpus keys.</summary>
public class LucairnVerifyChainBulkToolTests
{
    private const string Good = "honest_full_chain_egress";
    private const string AlsoGood = "honest_full_chain_request_bound";
    private const string Tampered = "tamper_claim_body_edited_same_id";
    private const string Unattested = "honest_input_shield";

    private string _dir = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _dir = Directory.CreateTempSubdirectory("lucairn-chain-bulk-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    private static Task<ToolProcess.Result> Run(string? stdin, params string[] args) =>
        ToolProcess.RunAsync("Lucairn/tools/Lucairn.Verify", "lucairn-verify", stdin, ["--chain", .. args, "--service-keys", ChainCaseFiles.KeysFile, "--allow-test-keys"]);

    private string Write(string relativePath, byte[] bytes)
    {
        string path = Path.Combine(_dir, relativePath);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string[] Lines(string stdout) => stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static JObject Summary(string stdout) => (JObject)ChainCaseFiles.Parse(Lines(stdout)[^1])["summary"]!;

    [Test]
    public async Task A_directory_of_verified_certificates_exits_0_and_recurses_only_when_asked()
    {
        Write("a.json", ChainCaseFiles.CertificateBytes(Good));
        Write("b.json", ChainCaseFiles.CertificateBytes(AlsoGood));
        Write(Path.Combine("sub", "c.json"), ChainCaseFiles.CertificateBytes(Good));
        Write("notes.txt", "not a certificate"u8.ToArray());

        var flat = await Run(null, _dir, "--jobs", "2");
        var deep = await Run(null, _dir, "--recursive", "--jobs", "2", "--json");

        Assert.That(flat.ExitCode, Is.EqualTo(0), flat.StandardOutput + flat.StandardError);
        Assert.That(flat.StandardOutput, Does.Contain("summary: 2 inputs, 2 verified, 0 failed, 0 unreadable"));
        Assert.That(Lines(flat.StandardOutput).Take(2).All(l => l.StartsWith("VALID", StringComparison.Ordinal) && l.Contains("VERIFIED  reason ok", StringComparison.Ordinal)), Is.True, flat.StandardOutput);
        Assert.That(deep.ExitCode, Is.EqualTo(0), deep.StandardOutput + deep.StandardError);
        JObject summary = Summary(deep.StandardOutput);
        Assert.That(((long)summary["inputs"]!, (long)summary["verified"]!, (long)summary["by_verdict"]!["VERIFIED:ok"]!), Is.EqualTo((3L, 3L, 3L)));
        Assert.That(deep.StandardError, Is.Empty, "no progress line when standard error is not a terminal");
    }

    [Test]
    public async Task One_certificate_below_require_exits_1_and_is_counted_by_verdict_and_reason()
    {
        Write("1.json", ChainCaseFiles.CertificateBytes(Good));
        Write("2.json", ChainCaseFiles.CertificateBytes(Tampered));
        Write("3.json", ChainCaseFiles.CertificateBytes(Unattested));
        Write("4.json", ChainCaseFiles.CertificateBytes(AlsoGood));

        var strict = await Run(null, _dir, "--json");
        var lenient = await Run(null, _dir, "--require", "egress_unattested", "--quiet");

        Assert.That(strict.ExitCode, Is.EqualTo(1), strict.StandardOutput + strict.StandardError);
        JObject[] lines = [.. Lines(strict.StandardOutput).Select(ChainCaseFiles.Parse)];
        Assert.That(lines, Has.Length.EqualTo(5));
        Assert.That(lines.Take(4).Select(l => (bool)l["valid"]!), Is.EqualTo(new[] { true, false, false, true }));
        Assert.That(lines.Take(4).Select(l => Path.GetFileName((string)l["input"]!)), Is.EqualTo(new[] { "1.json", "2.json", "3.json", "4.json" }));
        JObject summary = Summary(strict.StandardOutput);
        Assert.That(((long)summary["failed"]!, (long)summary["by_verdict"]!["FAILED:claim_signature_invalid"]!, (long)summary["by_verdict"]!["EGRESS_UNATTESTED:egress_unattested"]!),
            Is.EqualTo((2L, 1L, 1L)));

        Assert.That(lenient.ExitCode, Is.EqualTo(1), "FAILED never reaches --require");
        Assert.That(lenient.StandardOutput, Does.Contain("summary: 4 inputs, 3 verified, 1 failed, 0 unreadable"));
    }

    [Test]
    public async Task An_unreadable_input_is_reported_and_counted_the_run_goes_on_and_exits_2()
    {
        Write("a.json", ChainCaseFiles.CertificateBytes(Good));
        File.CreateSymbolicLink(Path.Combine(_dir, "b.json"), Path.Combine(_dir, "does-not-exist.json"));
        Write("c.json", ChainCaseFiles.CertificateBytes(AlsoGood));

        var result = await Run(null, _dir, "--jobs", "2");
        var named = await Run(null, Path.Combine(_dir, "a.json"), Path.Combine(_dir, "missing.json"), Path.Combine(_dir, "c.json"), "--json");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.StandardOutput + result.StandardError);
        Assert.That(Lines(result.StandardOutput)[1], Does.StartWith("ERROR").And.Contain("b.json"));
        Assert.That(result.StandardOutput, Does.Contain("summary: 3 inputs, 2 verified, 0 failed, 1 unreadable"));
        Assert.That(named.ExitCode, Is.EqualTo(2), named.StandardOutput + named.StandardError);
        JObject[] lines = [.. Lines(named.StandardOutput).Select(ChainCaseFiles.Parse)];
        Assert.That(lines.Take(3).Select(l => (string?)l["reason"]), Is.EqualTo(new[] { "ok", "unreadable", "ok" }));
        Assert.That((long)lines[3]["summary"]!["exit_code"]!, Is.EqualTo(2));
    }

    [Test]
    public async Task Ndjson_from_standard_input_gives_the_single_file_json_per_line_in_order()
    {
        string[] ids = [Good, Tampered, Unattested, AlsoGood];
        var stdin = new StringBuilder();
        foreach (string id in ids.Take(2))
        {
            stdin.Append(Encoding.UTF8.GetString(ChainCaseFiles.CertificateLine(id))).Append('\n');
        }

        stdin.Append("{\"certificate_id\": \n\n");
        foreach (string id in ids.Skip(2))
        {
            stdin.Append(Encoding.UTF8.GetString(ChainCaseFiles.CertificateLine(id))).Append("\r\n");
        }

        var result = await Run(stdin.ToString(), "-", "--ndjson", "--json", "--jobs", "2");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.StandardOutput + result.StandardError);
        JObject[] lines = [.. Lines(result.StandardOutput).Select(ChainCaseFiles.Parse)];
        Assert.That(lines, Has.Length.EqualTo(6));
        Assert.That(lines.Take(5).Select(l => (string?)l["input"]), Is.EqualTo(new[] { "-:1", "-:2", "-:3", "-:5", "-:6" }), "blank lines are skipped, names keep line numbers");
        Assert.That(lines.Take(5).Select(l => (bool)l["valid"]!), Is.EqualTo(new[] { true, false, false, false, true }));
        Assert.That(((string?)lines[2]["verdict"], (string?)lines[2]["reason"]), Is.EqualTo(("FAILED", "malformed")));
        Assert.That((long)lines[5]["summary"]!["inputs"]!, Is.EqualTo(5));

        JObject[] certificates = [lines[0], lines[1], lines[3], lines[4]];
        for (int i = 0; i < ids.Length; i++)
        {
            var single = await Run(null, Write(ids[i] + ".json", ChainCaseFiles.CertificateLine(ids[i])), "--json");
            JObject expected = ChainCaseFiles.Parse(single.StandardOutput);
            JObject actual = (JObject)certificates[i].DeepClone();
            actual.Remove("input");
            actual.Remove("valid");
            Assert.That(JToken.DeepEquals(actual, expected), Is.True, $"{ids[i]}\nbulk   {actual.ToString(Formatting.None)}\nsingle {expected.ToString(Formatting.None)}");
            Assert.That(actual.Properties().Select(p => p.Name), Is.EqualTo(expected.Properties().Select(p => p.Name)), "same field order");
            Assert.That((bool)certificates[i]["valid"]!, Is.EqualTo(single.ExitCode == 0), ids[i]);
        }
    }

    [Test]
    public async Task Usage_errors_exit_2()
    {
        var badJobs = await Run(null, _dir, "--jobs", "0");
        var empty = await Run(null, _dir);
        var twice = await Run(null, _dir, "--key-id", "a", "--key-id", "b");

        Assert.That((badJobs.ExitCode, empty.ExitCode, twice.ExitCode), Is.EqualTo((2, 2, 2)));
        Assert.That(badJobs.StandardError, Does.Contain("--jobs"));
        Assert.That(empty.StandardError, Does.Contain("no inputs found"));
        Assert.That(twice.StandardError, Does.Contain("option --key-id was given twice"));
    }
}
