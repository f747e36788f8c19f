using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shared.Crypto;
using Tools;

namespace Lucairn.Verify;

/// <summary>The <c>lucairn-verify</c> command: parse arguments, verify, print, return the exit code.</summary>
internal static class VerifyCommand
{
    internal const string Usage =
        """
        usage: lucairn-verify <cert.json|-> --witness-key <base64|hex|pem|file> --key-id <id> [--min-signable v2|v3] [--json]
               lucairn-verify <file|dir|certs.ndjson|->... --witness-key <key> --key-id <id> [--min-signable v2|v3]
                              [--recursive] [--ndjson] [--jobs N] [--quiet] [--json]
        several inputs, a directory, NDJSON (one certificate per line; .ndjson/.jsonl files, or every input
        with --ndjson, - for standard input) or --jobs verify in bulk: one line (or JSON object) per input,
        then a summary; a progress line on standard error when it is a terminal (--quiet turns it off).
        exit codes: 0 every input verified, 1 any failed, 2 usage error or an unreadable input
        """;

    private static readonly string[] ValueOptions = ["--witness-key", "--key-id", "--min-signable", .. BulkToolRun.ValueOptions];
    private static readonly string[] FlagOptions = ["--json", "--help", .. BulkToolRun.FlagOptions];

    internal static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal)
    {
        CommandLine? command = null;
        try
        {
            command = CommandLine.Parse(args, ValueOptions, FlagOptions);
            if (command.Has("--help"))
            {
                stdout.WriteLine(Usage);
                return ExitCodes.Valid;
            }

            if (BulkToolRun.IsBulk(command))
            {
                var bulkKeys = new VerifyCertificateKeys(command.Require("--key-id"), ReadWitnessKey(command.Require("--witness-key")));
                SignableVersion? bulkMinimum = ParseMinimum(command.Get("--min-signable"));
                return await BulkToolRun.RunAsync(command, input => Outcome(input, bulkKeys, bulkMinimum), stdin, stdout, stderr, stderrIsTerminal).ConfigureAwait(false);
            }

            if (command.Positional.Count != 1)
            {
                throw new UsageException("exactly one certificate file (or - for standard input) is required");
            }

            var keys = new VerifyCertificateKeys(command.Require("--key-id"), ReadWitnessKey(command.Require("--witness-key")));
            SignableVersion? minimum = ParseMinimum(command.Get("--min-signable"));
            string certificate = CommandLine.ReadInput(command.Positional[0], stdin);

            VerifyCertificateResult result = CertificateVerifier.Verify(certificate, keys, minimum);
            Print(stdout, command.Has("--json"), Valid(result, keys));
            return ExitCodes.Valid;
        }
        catch (LucairnCertificateException ex)
        {
            Print(stdout, command?.Has("--json") == true, Invalid(ex));
            return ExitCodes.Invalid;
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"lucairn-verify: {ex.Message}");
            stderr.WriteLine(Usage);
            return ExitCodes.Usage;
        }
        catch (CryptoException ex)
        {
            stderr.WriteLine($"lucairn-verify: --witness-key: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (LucairnException ex)
        {
            stderr.WriteLine($"lucairn-verify: {ex.Message}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>One certificate of a bulk run; a failure is an outcome, never an exception.</summary>
    private static ToolOutcome Outcome(ToolInput input, VerifyCertificateKeys keys, SignableVersion? minimum)
    {
        try
        {
            VerifyCertificateResult result = CertificateVerifier.Verify(input.Text, keys, minimum);
            return new ToolOutcome(input.Name, true, "valid", $"certificate {result.CertificateId} ({result.SignableVersion.ToWireName()}, verdict {result.OverallVerdict.ToWireName()})", () => Valid(result, keys));
        }
        catch (LucairnCertificateException ex)
        {
            return new ToolOutcome(input.Name, false, ex.ReasonCode, $"reason: {ex.ReasonCode}  {ex.Message}", () => Invalid(ex));
        }
    }

    private static JObject Invalid(LucairnCertificateException ex) => new()
    {
        ["valid"] = false,
        ["reason"] = ex.ReasonCode,
        ["certificate_id"] = ex.CertificateId,
        ["message"] = ex.Message,
    };

    private static JObject Valid(VerifyCertificateResult result, VerifyCertificateKeys keys) => new()
    {
        ["valid"] = true,
        ["certificate_id"] = result.CertificateId,
        ["request_id"] = result.RequestId,
        ["signable_version"] = result.SignableVersion.ToWireName(),
        ["overall_verdict"] = result.OverallVerdict.ToWireName(),
        ["anchor_status"] = result.AnchorStatus.ToWireName(),
        ["witness_asserted_issued_at"] = result.WitnessAssertedIssuedAtIso,
        ["v3_signature_stripped"] = result.V3SignatureStripped,
        ["witness_key_id"] = keys.WitnessKeyId,
        ["witness_public_key"] = keys.WitnessPublicKey.ToHex(),
    };

    private static void Print(TextWriter stdout, bool json, JObject report)
    {
        if (json)
        {
            stdout.WriteLine(report.ToString(Formatting.None));
            return;
        }

        if ((bool)report["valid"]!)
        {
            stdout.WriteLine($"VALID  certificate {report["certificate_id"]} (request {report["request_id"]})");
            stdout.WriteLine($"  signed over the {report["signable_version"]} signable by witness key '{report["witness_key_id"]}' ({report["witness_public_key"]})");
            stdout.WriteLine($"  verdict {report["overall_verdict"]}, anchor {report["anchor_status"]} (the anchor status is not covered by the signature)");
            stdout.WriteLine($"  witness-asserted issue time {report["witness_asserted_issued_at"]}");
        }
        else
        {
            string id = report["certificate_id"]?.Type == JTokenType.String ? $" (certificate {report["certificate_id"]}, unverified)" : string.Empty;
            stdout.WriteLine($"INVALID  reason: {report["reason"]}{id}");
            stdout.WriteLine($"  {report["message"]}");
        }
    }

    private static SignableVersion? ParseMinimum(string? text) => text switch
    {
        null => null,
        "v2" => SignableVersion.V2,
        "v3" => SignableVersion.V3,
        _ => throw new UsageException($"--min-signable must be v2 or v3, not '{text}'"),
    };

    /// <summary>The key as given, or read from a file (plain key text, or JSON with publicKeyHex/publicKeyBase64).</summary>
    private static Ed25519PublicKey ReadWitnessKey(string value)
    {
        if (!File.Exists(value))
        {
            return Ed25519PublicKey.Parse(value);
        }

        string text = CommandLine.ReadInput(value, TextReader.Null).Trim();
        if (!text.StartsWith('{'))
        {
            return Ed25519PublicKey.Parse(text);
        }

        JObject keyFile;
        try
        {
            keyFile = JObject.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"--witness-key file '{value}' is not valid JSON: {ex.Message}");
        }

        return keyFile.Value<string>("publicKeyHex") is { } hex ? Ed25519PublicKey.FromHex(hex)
            : keyFile.Value<string>("publicKeyBase64") is { } b64 ? Ed25519PublicKey.FromBase64(b64)
            : throw new UsageException($"--witness-key file '{value}' has neither publicKeyHex nor publicKeyBase64");
    }
}
