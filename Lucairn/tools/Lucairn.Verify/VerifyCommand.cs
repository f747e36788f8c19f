using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shared.Crypto;
using Tools;

namespace Lucairn.Verify;

/// <summary>The <c>lucairn-verify</c> command: parse arguments, verify, print, return the exit code.</summary>
internal static class VerifyCommand
{
    internal const string Usage =
        "usage: lucairn-verify <cert.json|-> --witness-key <base64|hex|pem|file> --key-id <id> [--min-signable v2|v3] [--json]";

    private static readonly string[] ValueOptions = ["--witness-key", "--key-id", "--min-signable"];
    private static readonly string[] FlagOptions = ["--json", "--help"];

    internal static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
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
            Print(stdout, command?.Has("--json") == true, new JObject
            {
                ["valid"] = false,
                ["reason"] = ex.ReasonCode,
                ["certificate_id"] = ex.CertificateId,
                ["message"] = ex.Message,
            });
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
