using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Tools;

namespace Lucairn.Verify.Chain;

/// <summary>
/// <c>lucairn-verify --chain</c>: certificate-chain verification (<see cref="CertificateChainVerifier"/>)
/// of certificates' raw bytes against a pinned witness key and pinned service keys. One
/// certificate prints a report; several inputs, a directory, NDJSON or <c>--jobs</c> run in bulk
/// (<see cref="BulkToolRun"/>), one line per input and a summary. Exit 0 when every verdict
/// reaches <c>--require</c> (default <c>verified</c>), 1 when any is below it or FAILED, 2 for
/// usage, key and I/O errors (in bulk, an unreadable input is counted and the run goes on).
/// </summary>
internal static class ChainCommand
{
    internal const string ChainFlag = "--chain";

    internal const string Usage =
        "usage: lucairn-verify --chain <cert.json|-> --witness-key <base64|file> --key-id <id> " +
        "(--service-key ID=BASE64 ... | --service-keys keys.json) [--expect-request-id <id>] [--expect-certificate-id <id>] " +
        "[--min-signable v2|v3] [--require verified|egress_unattested|partial] [--json] [--allow-test-keys (test harnesses only)]\n" +
        "       lucairn-verify --chain <file|dir|certs.ndjson|->... (keys and options as above) [--recursive] [--ndjson] [--jobs N] [--quiet] [--json]\n" +
        "several inputs, a directory, NDJSON (one certificate per line; .ndjson/.jsonl files, or every input with --ndjson, - for standard input)\n" +
        "or --jobs verify in bulk: one line (or JSON object) per input, then a summary; a progress line on standard error when it is a terminal.\n" +
        "exit codes: 0 every input reached --require, 1 any did not, 2 usage, key or I/O error (an unreadable input in bulk is counted, the run goes on)";

    private const string ServiceKey = "--service-key";

    private static readonly string[] ValueOptions =
        ["--witness-key", "--key-id", "--service-keys", "--expect-request-id", "--expect-certificate-id", "--min-signable", "--require", .. BulkToolRun.ValueOptions];

    private static readonly string[] FlagOptions = [ChainFlag, "--json", "--allow-test-keys", "--help", .. BulkToolRun.FlagOptions];

    private static readonly string[] RepeatableOptions = [ServiceKey];

    private static readonly JsonLoadSettings NoDuplicates = new() { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error };

    /// <summary>Whether the arguments ask for this mode.</summary>
    internal static bool IsRequested(IEnumerable<string> args) => args.Contains(ChainFlag, StringComparer.Ordinal);

    internal static async Task<int> RunAsync(string[] args, Func<Stream> stdin, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal)
    {
        try
        {
            CommandLine command = CommandLine.Parse(args, ValueOptions, FlagOptions, RepeatableOptions);
            if (command.Has("--help"))
            {
                stdout.WriteLine(Usage);
                return ExitCodes.Valid;
            }

            if (command.Positional.Count == 0)
            {
                throw new UsageException("a certificate file, a directory, an NDJSON file, or - for standard input is required");
            }

            string require = ParseRequire(command.Get("--require"));
            CertificateChainKeys keys = Keys(command);
            keys.Validate();
            if (BulkToolRun.IsBulk(command))
            {
                return await BulkToolRun.RunRawAsync(command, input => Outcome(input, keys, require), stdin, ChainInput.Limit, stdout, stderr, stderrIsTerminal).ConfigureAwait(false);
            }

            byte[] certificate = ChainInput.ReadBytes(command.Positional[0], stdin);
            CertificateChainResult result = CertificateChainVerifier.Verify(certificate, keys);
            bool met = Met(result, require);
            if (command.Has("--json"))
            {
                stdout.WriteLine(result.ToJson());
            }
            else
            {
                ChainReport.Write(stdout, result, keys, require, met);
            }

            return met ? ExitCodes.Valid : ExitCodes.Invalid;
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"lucairn-verify --chain: {ex.Message}");
            stderr.WriteLine(Usage);
            return ExitCodes.Usage;
        }
        catch (LucairnPinnedKeyException ex)
        {
            stderr.WriteLine($"lucairn-verify --chain: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (LucairnValidationException ex)
        {
            stderr.WriteLine($"lucairn-verify --chain: {ex.Message}");
            return ExitCodes.Usage;
        }
    }

    private static bool Met(CertificateChainResult result, string require) => result.Verdict != ChainVerdicts.Failed && result.Reaches(require);

    /// <summary>One certificate of a bulk run: its JSON line is the single-file <c>--json</c> result with <c>valid</c> (whether it reached <c>--require</c>) before it.</summary>
    private static ToolOutcome Outcome(ToolInput input, CertificateChainKeys keys, string require)
    {
        CertificateChainResult result = CertificateChainVerifier.Verify(input.Bytes, keys);
        bool met = Met(result, require);
        string id = result.Verified?.Certificate["certificate_id"] is { } certificateId ? $", certificate {certificateId}" : string.Empty;
        string line = $"{result.Verdict}  reason {result.Reason} (recipe step {result.Step}{id}), required {require}: {(met ? "met" : "not met")}";
        return new ToolOutcome(input.Name, met, $"{result.Verdict}:{result.Reason}", line, () => Json(result, met));
    }

    /// <summary>The single-file <c>--json</c> result with <c>valid</c> before it.</summary>
    private static JObject Json(CertificateChainResult result, bool met)
    {
        var json = new JObject { ["valid"] = met };
        using (var reader = new JsonTextReader(new StringReader(result.ToJson())) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = null })
        {
            foreach (JProperty field in JObject.Load(reader, NoDuplicates).Properties())
            {
                json.Add(field.Name, field.Value);
            }
        }

        return json;
    }

    private static string ParseRequire(string? text) => text?.ToUpperInvariant() switch
    {
        null or ChainVerdicts.Verified => ChainVerdicts.Verified,
        ChainVerdicts.EgressUnattested => ChainVerdicts.EgressUnattested,
        ChainVerdicts.Partial => ChainVerdicts.Partial,
        _ => throw new UsageException($"--require must be verified, egress_unattested or partial, not '{text}' (FAILED always exits 1)"),
    };

    private static CertificateChainKeys Keys(CommandLine command)
    {
        ChainKeyFile? file = command.Get("--service-keys") is { } path ? ChainKeyFile.Read(path) : null;
        var services = new Dictionary<string, string>(file?.Services ?? [], StringComparer.Ordinal);
        foreach (string value in command.GetAll(ServiceKey))
        {
            int equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"{ServiceKey} must be SERVICE_ID=BASE64_KEY, not '{value}'");
            }

            string id = value[..equals];
            if (!services.TryAdd(id, value[(equals + 1)..]))
            {
                throw new UsageException($"the service key of '{id}' is given twice");
            }
        }

        if (services.Count == 0)
        {
            throw new UsageException("pin at least one service key (--service-key ID=KEY or --service-keys file.json)");
        }

        string keyId = command.Get("--key-id") ?? file?.WitnessKeyId
            ?? throw new UsageException("option --key-id is required (or a witness.key_id in the --service-keys file)");
        string witnessKey = WitnessKey(command.Get("--witness-key")) ?? file?.WitnessKey
            ?? throw new UsageException("option --witness-key is required (or a witness.public_key_base64 in the --service-keys file)");
        return new CertificateChainKeys
        {
            WitnessKeyId = keyId,
            WitnessPublicKey = witnessKey,
            ServicePublicKeys = services,
            MinimumSignableVersion = command.Get("--min-signable") is { } minimum
                ? (minimum is "v2" or "v3" ? minimum : throw new UsageException($"--min-signable must be v2 or v3, not '{minimum}'"))
                : null,
            ExpectedRequestId = command.Get("--expect-request-id"),
            ExpectedCertificateId = command.Get("--expect-certificate-id"),
            AllowTestKeys = command.Has("--allow-test-keys"),
        };
    }

    /// <summary>The key text as given, or the trimmed content of a file holding it.</summary>
    private static string? WitnessKey(string? value) =>
        value is not null && File.Exists(value) ? ChainInput.ReadText(value).Trim() : value;
}
