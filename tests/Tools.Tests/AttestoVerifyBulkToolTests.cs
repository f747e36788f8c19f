using Newtonsoft.Json.Linq;
using TestSupport;

namespace Tools.Tests;

/// <summary>attesto-verify in bulk: receipts from NDJSON, inclusion checks, streaming completeness.</summary>
public class AttestoVerifyBulkToolTests
{
    private static Task<ToolProcess.Result> Run(string? stdin, params string[] args) =>
        ToolProcess.RunAsync("Attesto/tools/Attesto.Verify", "attesto-verify", stdin, args);

    private static JObject ReceiptVectors => JObject.Parse(TestVectors.ReadText("attesto", "receipt.proposed.json"));

    private static string ReceiptCase(string name) =>
        ReceiptVectors["cases"]!.Cast<JObject>().Single(c => (string)c["name"]! == name)["receipt"]!.ToString(Newtonsoft.Json.Formatting.None);

    [Test]
    public async Task Receipts_as_ndjson_on_standard_input_all_good_exit_0_and_one_tampered_exits_1()
    {
        string key = (string)ReceiptVectors["public_key_hex"]!;
        string valid = ReceiptCase("valid");

        var good = await Run($"{valid}\n{valid}\n", "receipt", "-", "--ndjson", "--public-key", key, "--json");
        var mixed = await Run($"{valid}\n{ReceiptCase("tampered_payload")}\nnot json\n{valid}\n", "receipt", "-", "--ndjson", "--public-key", key, "--json", "--jobs", "2");

        Assert.That(good.ExitCode, Is.EqualTo(0), good.StandardOutput + good.StandardError);
        Assert.That(mixed.ExitCode, Is.EqualTo(1), mixed.StandardOutput + mixed.StandardError);
        JObject[] lines = [.. mixed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse)];
        Assert.That(lines.Take(4).Select(l => (bool)l["ok"]!), Is.EqualTo(new[] { true, false, false, true }));
        Assert.That(lines[2]["problems"]!.Values<string>(), Is.EqualTo(new[] { "malformed receipt payload" }));
        Assert.That((long)lines[4]["summary"]!["failed"]!, Is.EqualTo(2));
    }

    [Test]
    public async Task Inclusion_checks_in_bulk_report_each_proof()
    {
        JObject first = MerkleInclusionCase();
        string good = new JObject { ["leaf"] = first["leaf_hash"], ["root"] = first["root_hash"], ["proof"] = first["proof"] }.ToString(Newtonsoft.Json.Formatting.None);
        string bad = new JObject { ["leaf"] = first["leaf_hash"], ["root"] = new string('c', 64), ["proof"] = first["proof"] }.ToString(Newtonsoft.Json.Formatting.None);

        var result = await Run($"{good}\n{bad}\n", "inclusion", "-", "--ndjson", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.StandardOutput + result.StandardError);
        JObject[] lines = [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse)];
        Assert.That(lines.Take(2).Select(l => (bool)l["ok"]!), Is.EqualTo(new[] { true, false }));
        Assert.That((long)lines[2]["summary"]!["by_verdict"]!["not included"]!, Is.EqualTo(1));
    }

    [Test]
    public async Task Completeness_streams_ndjson_events_and_reports_a_gap()
    {
        string Events(params long[] seqs) => string.Join('\n', seqs.Select(s => new JObject { ["seq_no"] = s, ["event_hash"] = Hash(s), ["prev_event_hash"] = Hash(s - 1) }.ToString(Newtonsoft.Json.Formatting.None))) + "\n";

        var complete = await Run(Events(0, 1, 2, 3), "completeness", "-", "--ndjson", "--from", "0", "--to", "3", "--json");
        var gap = await Run(Events(0, 1, 3), "completeness", "-", "--ndjson", "--from", "0", "--to", "3", "--json");

        Assert.That(complete.ExitCode, Is.EqualTo(0), complete.StandardOutput + complete.StandardError);
        Assert.That((long)JObject.Parse(complete.StandardOutput)["events"]!, Is.EqualTo(4));
        Assert.That(gap.ExitCode, Is.EqualTo(1), gap.StandardOutput + gap.StandardError);
        Assert.That(JObject.Parse(gap.StandardOutput)["missing_seq_nos"]!.Values<long>(), Is.EqualTo(new[] { 2L }));
    }

    private static JObject MerkleInclusionCase() =>
        (JObject)JObject.Parse(TestVectors.ReadText("attesto", "merkle.proposed.json"))["window"]!["inclusion_cases"]![0]!;

    private static string Hash(long seq) => seq.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
}
