using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Tools;

namespace Attesto.Verify;

/// <summary>The <c>attesto-verify</c> command: one sub-command per kind of evidence.</summary>
internal static class VerifyCommand
{
    internal const string Usage = """
        usage: attesto-verify receipt <receipt.json|-> --public-key <hex> [--allow-mock] [--json]
               attesto-verify bundle <bundle.json|-> --public-key <hex> --witness-keys <keys.json> [--quorum <n>] [--bundle-hash <hex>] [--contract <0x address>] [--chain-id <n>] [--allow-mock] [--json]
               attesto-verify inclusion --leaf <hex> --root <hex> --proof <proof.json|-> [--json]
               attesto-verify completeness <events.json|-> --from <seq> --to <seq> [--json]
        bundle: without --contract and --chain-id the anchors' own contract and chain are trusted,
                and a hostile service can name a contract of its own
        in bulk (several inputs, directories with --recursive, NDJSON with one document per line, --jobs N, --quiet):
               attesto-verify receipt <file|dir|receipts.ndjson|->... --public-key <hex> [--allow-mock] [--json]
               attesto-verify inclusion <proofs.ndjson|->...   (one {"leaf","root","proof"} object per document) [--json]
               attesto-verify completeness <events.ndjson|-> --ndjson --from <seq> --to <seq> [--json]
                   (streams events in ascending seq_no order, one per line, in constant memory)
        exit codes: 0 verified, 1 not verified (problems printed), 2 usage or I/O error
        """;

    private static readonly string[] ValueOptions = ["--public-key", "--witness-keys", "--quorum", "--bundle-hash", "--contract", "--chain-id", "--leaf", "--root", "--proof", "--from", "--to", .. BulkToolRun.ValueOptions];
    private static readonly string[] FlagOptions = ["--json", "--allow-mock", "--help", .. BulkToolRun.FlagOptions];

    internal static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal)
    {
        try
        {
            if (args.Length > 0 && args[0] is "receipt" or "inclusion")
            {
                var bulk = CommandLine.Parse(args[1..], ValueOptions, FlagOptions);
                if (args[0] == "receipt" && BulkToolRun.IsBulk(bulk))
                {
                    string key = bulk.Require("--public-key");
                    bool allowMock = bulk.Has("--allow-mock");
                    return await BulkToolRun.RunAsync(bulk, input => ReceiptOutcome(input, key, allowMock), stdin, stdout, stderr, stderrIsTerminal).ConfigureAwait(false);
                }

                if (args[0] == "inclusion" && bulk.Positional.Count > 0)
                {
                    return await BulkToolRun.RunAsync(bulk, InclusionOutcome, stdin, stdout, stderr, stderrIsTerminal).ConfigureAwait(false);
                }
            }
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"attesto-verify: {ex.Message}");
            stderr.WriteLine(Usage);
            return ExitCodes.Usage;
        }

        return Run(args, stdin, stdout, stderr);
    }

    private static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (args.Length == 0 || args[0] is "--help" or "-h")
            {
                stdout.WriteLine(Usage);
                return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Valid;
            }

            var command = CommandLine.Parse(args[1..], ValueOptions, FlagOptions);
            (string subject, IReadOnlyList<string> problems, JObject details) = args[0] switch
            {
                "receipt" => Receipt(command, stdin),
                "bundle" => Bundle(command, stdin),
                "inclusion" => Inclusion(command, stdin),
                "completeness" => CompletenessCheck(command, stdin),
                _ => throw new UsageException($"unknown command '{args[0]}' (expected receipt, bundle, inclusion or completeness)"),
            };

            Print(stdout, command.Has("--json"), subject, problems, details);
            return problems.Count == 0 ? ExitCodes.Valid : ExitCodes.Invalid;
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"attesto-verify: {ex.Message}");
            stderr.WriteLine(Usage);
            return ExitCodes.Usage;
        }
    }

    private static (string, IReadOnlyList<string>, JObject) Receipt(CommandLine command, TextReader stdin)
    {
        JToken receipt = ReadJson(SingleInput(command, "receipt file"), stdin);
        var report = Receipts.Verify(receipt, command.Require("--public-key"), command.Has("--allow-mock"));
        return ("receipt", report.Problems, new JObject { ["digest"] = report.DigestHex, ["mock"] = report.IsMock });
    }

    private static (string, IReadOnlyList<string>, JObject) Bundle(CommandLine command, TextReader stdin)
    {
        if (ReadJson(SingleInput(command, "bundle file"), stdin) is not JObject bundle)
        {
            throw new UsageException("the bundle must be a JSON object");
        }

        // Only keys the caller supplies are trusted: never keys carried inside the bundle.
        if (ReadJson(command.Require("--witness-keys"), stdin) is not JObject witnessFile
            || witnessFile.Properties().Any(p => p.Value.Type != JTokenType.String))
        {
            throw new UsageException("--witness-keys must be a JSON object mapping each witness kid to its public key hex");
        }

        var witnesses = witnessFile.Properties().ToDictionary(p => p.Name, p => (string)p.Value!, StringComparer.Ordinal);
        var keys = new VerifierBundleKeys(command.Require("--public-key"), witnesses)
        {
            AllowMock = command.Has("--allow-mock"),
            ExpectedBundleHash = command.Get("--bundle-hash"),
            ExpectedContractAddress = command.Get("--contract"),
            ExpectedChainId = command.Get("--chain-id") is null ? null : command.RequireInt64("--chain-id"),
        };
        if (command.Get("--quorum") is not null)
        {
            keys = keys with { MinimumQuorum = checked((int)command.RequireInt64("--quorum")) };
        }

        VerifierBundleReport report;
        try
        {
            report = VerifierBundle.Verify(bundle, keys);
        }
        catch (AttestoValidationException ex) when (ex.ParamName == "keys")
        {
            throw new UsageException($"--contract must be 0x followed by 40 hex digits and --chain-id not negative ({ex.Message})");
        }

        return ($"verifier bundle ({report.Kind})", report.Problems, new JObject { ["checked"] = new JArray(report.Checked) });
    }

    private static (string, IReadOnlyList<string>, JObject) Inclusion(CommandLine command, TextReader stdin)
    {
        if (command.Positional.Count != 0)
        {
            throw new UsageException("inclusion takes no positional argument (use --proof)");
        }

        string leaf = command.Require("--leaf");
        string root = command.Require("--root");
        JToken proof = ReadJson(command.Require("--proof"), stdin);
        bool included = Proofs.VerifyInclusion(leaf, proof, root);
        IReadOnlyList<string> problems = included ? [] : ["inclusion proof does not lead from the leaf to the root"];
        return ("inclusion proof", problems, new JObject { ["leaf"] = leaf, ["root"] = root });
    }

    private static ToolOutcome ReceiptOutcome(ToolInput input, string publicKeyHex, bool allowMock)
    {
        ReceiptVerificationReport report = Receipts.VerifyDocument(input.Text, publicKeyHex, allowMock);
        string category = report.Ok ? "valid" : report.Problems[0];
        return new ToolOutcome(input.Name, report.Ok, category, report.Ok ? $"receipt digest {report.DigestHex}" : "problems: " + string.Join("; ", report.Problems),
            () => new JObject { ["ok"] = report.Ok, ["valid"] = report.Ok, ["problems"] = new JArray(report.Problems), ["digest"] = report.DigestHex, ["mock"] = report.IsMock });
    }

    private static ToolOutcome InclusionOutcome(ToolInput input)
    {
        string? problem = null;
        bool included = false;
        try
        {
            if (AttestoCanonicalJson.Parse(input.Text!) is not JObject check
                || check["leaf"] is not JValue { Type: JTokenType.String } leaf
                || check["root"] is not JValue { Type: JTokenType.String } root
                || check["proof"] is not JToken proof)
            {
                problem = "malformed inclusion check (needs string leaf and root, and proof)";
            }
            else
            {
                included = Proofs.VerifyInclusion((string)leaf!, proof, (string)root!);
                problem = included ? null : "inclusion proof does not lead from the leaf to the root";
            }
        }
        catch (AttestoException ex)
        {
            problem = $"not acceptable JSON: {ex.Message}";
        }

        string category = included ? "valid" : problem!.StartsWith("inclusion", StringComparison.Ordinal) ? "not included" : "malformed";
        return new ToolOutcome(input.Name, included, category, included ? "inclusion proof holds" : problem!,
            () => new JObject { ["ok"] = included, ["valid"] = included, ["problems"] = problem is null ? new JArray() : new JArray(problem) });
    }

    private static (string, IReadOnlyList<string>, JObject) CompletenessCheck(CommandLine command, TextReader stdin)
    {
        if (command.Positional.Count == 1 && (command.Has("--ndjson") || command.Positional[0].EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || command.Positional[0].EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)))
        {
            return StreamingCompleteness(command, stdin);
        }

        JToken events = ReadJson(SingleInput(command, "events file"), stdin);
        long from = command.RequireInt64("--from");
        long to = command.RequireInt64("--to");
        var report = Completeness.Verify(events, from, to);
        return ($"completeness of seq {from}..{to}", report.Problems, new JObject { ["missing_seq_nos"] = new JArray(report.MissingSeqNos) });
    }

    /// <summary>Completeness over NDJSON events (one per line, ascending seq_no), in constant memory.</summary>
    private static (string, IReadOnlyList<string>, JObject) StreamingCompleteness(CommandLine command, TextReader stdin)
    {
        long from = command.RequireInt64("--from");
        long to = command.RequireInt64("--to");
        var checker = new CompletenessChecker(from, to);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        InputSources sources = InputSources.Resolve(command.Positional, recursive: false, ndjson: true, stdin);
        foreach (ToolInput line in sources.Documents())
        {
            if (line.ReadError is not null)
            {
                throw new UsageException($"cannot read '{line.Name}': {line.ReadError}");
            }

            JToken? parsed = null;
            try
            {
                parsed = AttestoCanonicalJson.Parse(line.Text!);
            }
            catch (AttestoException)
            {
            }

            if (ChainEvent.TryFromJson(parsed, out ChainEvent? item))
            {
                checker.Add(item);
            }
            else
            {
                checker.AddMalformed($"event at {line.Name} is malformed (needs seq_no and event_hash)");
            }
        }

        clock.Stop();
        CompletenessReport report = checker.Complete();
        double rate = clock.Elapsed > TimeSpan.Zero ? checker.EventCount / clock.Elapsed.TotalSeconds : 0;
        return ($"completeness of seq {from}..{to}", report.Problems, new JObject
        {
            ["missing_seq_nos"] = new JArray(report.MissingSeqNos),
            ["events"] = checker.EventCount,
            ["events_per_second"] = Math.Round(rate, 1),
        });
    }

    private static string SingleInput(CommandLine command, string what) =>
        command.Positional.Count == 1 ? command.Positional[0] : throw new UsageException($"exactly one {what} (or - for standard input) is required");

    private static JToken ReadJson(string path, TextReader stdin)
    {
        string text = CommandLine.ReadInput(path, stdin);
        try
        {
            return AttestoCanonicalJson.Parse(text);
        }
        catch (AttestoException ex)
        {
            throw new UsageException($"'{path}' is not acceptable JSON: {ex.Message}");
        }
    }

    private static void Print(TextWriter stdout, bool json, string subject, IReadOnlyList<string> problems, JObject details)
    {
        if (json)
        {
            var report = new JObject { ["ok"] = problems.Count == 0, ["subject"] = subject, ["problems"] = new JArray(problems) };
            report.Merge(details);
            stdout.WriteLine(report.ToString(Formatting.None));
            return;
        }

        stdout.WriteLine(problems.Count == 0 ? $"OK  {subject} verified offline" : $"FAILED  {subject}");
        foreach (string problem in problems)
        {
            stdout.WriteLine($"  problem: {problem}");
        }

        foreach (var (name, value) in details)
        {
            if (value is not null && value.Type != JTokenType.Null && !(value is JArray { Count: 0 }))
            {
                stdout.WriteLine($"  {name}: {value.ToString(Formatting.None)}");
            }
        }
    }
}
