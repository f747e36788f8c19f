using Newtonsoft.Json.Linq;
using TestSupport;

namespace Tools.Tests;

/// <summary>lucairn-verify with many inputs: directories, NDJSON, standard input, exit codes, summary.</summary>
public class LucairnVerifyBulkToolTests
{
    private static readonly string ProductionKeyFile = TestVectors.PathOf("lucairn", "production-witness-pubkey.hex");
    private string _dir = null!;

    private static Task<ToolProcess.Result> Run(string? stdin, params string[] args) =>
        ToolProcess.RunAsync("Lucairn/tools/Lucairn.Verify", "lucairn-verify", stdin, [.. args, "--witness-key", ProductionKeyFile, "--key-id", "witness_v1"]);

    private static string RealLine => JObject.Parse(TestVectors.ReadText("lucairn", "cert-real-v3-production.json")).ToString(Newtonsoft.Json.Formatting.None);

    [SetUp]
    public void CreateDirectory()
    {
        _dir = Path.Combine(Path.GetTempPath(), "lucairn-bulk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task A_directory_of_good_certificates_exits_0_with_a_summary_and_recurses_only_when_asked()
    {
        File.Copy(TestVectors.PathOf("lucairn", "cert-real-v3-production.json"), Path.Combine(_dir, "a.json"));
        File.Copy(TestVectors.PathOf("lucairn", "cert-real-v3-production.json"), Path.Combine(_dir, "sub", "b.json"));
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "not a certificate");

        var flat = await Run(null, _dir, "--jobs", "2");
        var deep = await Run(null, _dir, "--recursive", "--jobs", "2", "--json");

        Assert.That(flat.ExitCode, Is.EqualTo(0), flat.StandardOutput + flat.StandardError);
        Assert.That(flat.StandardOutput, Does.Contain("summary: 1 inputs, 1 verified, 0 failed, 0 unreadable"));
        Assert.That(deep.ExitCode, Is.EqualTo(0), deep.StandardOutput + deep.StandardError);
        JObject summary = Summary(deep.StandardOutput);
        Assert.That(((long)summary["inputs"]!, (long)summary["verified"]!, (long)summary["by_verdict"]!["valid"]!), Is.EqualTo((2L, 2L, 2L)));
        Assert.That(deep.StandardError, Is.Empty, "no progress line when standard error is not a terminal");
    }

    [Test]
    public async Task One_bad_certificate_among_good_ones_exits_1_and_is_counted_by_reason()
    {
        File.Copy(TestVectors.PathOf("lucairn", "cert-real-v3-production.json"), Path.Combine(_dir, "1-good.json"));
        File.Copy(TestVectors.PathOf("lucairn", "cert-tampered-payload.json"), Path.Combine(_dir, "2-bad.json"));
        File.Copy(TestVectors.PathOf("lucairn", "cert-real-v3-production.json"), Path.Combine(_dir, "3-good.json"));

        var result = await Run(null, _dir, "--json");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.StandardOutput + result.StandardError);
        string[] lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines.Take(3).Select(l => (bool)JObject.Parse(l)["valid"]!), Is.EqualTo(new[] { true, false, true }));
        Assert.That((string?)JObject.Parse(lines[1])["input"], Does.EndWith("2-bad.json"));
        JObject summary = Summary(result.StandardOutput);
        Assert.That(((long)summary["failed"]!, (long)summary["by_verdict"]!["invalid_signature"]!), Is.EqualTo((1L, 1L)));
        Assert.That(((JArray)summary["slowest"]!).Count, Is.EqualTo(3));
    }

    [Test]
    public async Task An_unreadable_input_is_reported_and_counted_the_run_goes_on_and_exits_2()
    {
        File.Copy(TestVectors.PathOf("lucairn", "cert-real-v3-production.json"), Path.Combine(_dir, "a.json"));
        File.CreateSymbolicLink(Path.Combine(_dir, "b.json"), Path.Combine(_dir, "does-not-exist.json"));
        File.Copy(TestVectors.PathOf("lucairn", "cert-real-v3-production.json"), Path.Combine(_dir, "c.json"));

        var result = await Run(null, _dir);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.StandardOutput + result.StandardError);
        Assert.That(result.StandardOutput, Does.Contain("ERROR").And.Contain("b.json"));
        Assert.That(result.StandardOutput, Does.Contain("summary: 3 inputs, 2 verified, 0 failed, 1 unreadable"));
    }

    [Test]
    public async Task Ndjson_from_standard_input_with_a_malformed_line_mid_stream_gives_one_failed_result_in_order()
    {
        string stdin = string.Join('\n', RealLine, RealLine, "{\"certificate_id\": ", "", RealLine) + "\n";

        var result = await Run(stdin, "-", "--ndjson", "--json", "--jobs", "2");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.StandardOutput + result.StandardError);
        JObject[] lines = [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse)];
        Assert.That(lines.Take(4).Select(l => (string?)l["input"]), Is.EqualTo(new[] { "-:1", "-:2", "-:3", "-:5" }), "blank lines are skipped, names keep line numbers");
        Assert.That(lines.Take(4).Select(l => (bool)l["valid"]!), Is.EqualTo(new[] { true, true, false, true }));
        Assert.That((string?)lines[2]["reason"], Is.EqualTo("malformed"));
        Assert.That((long)lines[4]["summary"]!["inputs"]!, Is.EqualTo(4));
    }

    [Test]
    public async Task Usage_errors_exit_2()
    {
        var badJobs = await Run(null, _dir, "--jobs", "0");
        var empty = await Run(null, _dir);

        Assert.That(badJobs.ExitCode, Is.EqualTo(2));
        Assert.That(badJobs.StandardError, Does.Contain("--jobs"));
        Assert.That(empty.ExitCode, Is.EqualTo(2));
        Assert.That(empty.StandardError, Does.Contain("no inputs found"));
    }

    private static JObject Summary(string stdout) =>
        (JObject)JObject.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1])["summary"]!;
}
