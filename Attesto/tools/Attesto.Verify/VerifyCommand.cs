using Attesto.Verification;
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
        exit codes: 0 verified, 1 not verified (problems printed), 2 usage or I/O error
        """;

    private static readonly string[] ValueOptions = ["--public-key", "--witness-keys", "--quorum", "--bundle-hash", "--contract", "--chain-id", "--leaf", "--root", "--proof", "--from", "--to"];
    private static readonly string[] FlagOptions = ["--json", "--allow-mock", "--help"];

    internal static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
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
        catch (ArgumentException ex)
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

    private static (string, IReadOnlyList<string>, JObject) CompletenessCheck(CommandLine command, TextReader stdin)
    {
        JToken events = ReadJson(SingleInput(command, "events file"), stdin);
        long from = command.RequireInt64("--from");
        long to = command.RequireInt64("--to");
        var report = Completeness.Verify(events, from, to);
        return ($"completeness of seq {from}..{to}", report.Problems, new JObject { ["missing_seq_nos"] = new JArray(report.MissingSeqNos) });
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
