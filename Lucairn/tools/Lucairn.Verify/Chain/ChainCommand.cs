using Tools;

namespace Lucairn.Verify.Chain;

/// <summary>
/// <c>lucairn-verify --chain</c>: certificate-chain verification (<see cref="CertificateChainVerifier"/>)
/// of one certificate's raw bytes against a pinned witness key and pinned service keys. Exit 0
/// when the verdict reaches <c>--require</c> (default <c>verified</c>), 1 below it or FAILED,
/// 2 for usage, key and I/O errors.
/// </summary>
internal static class ChainCommand
{
    internal const string Usage =
        "usage: lucairn-verify --chain <cert.json|-> --witness-key <base64|file> --key-id <id> " +
        "(--service-key ID=BASE64 ... | --service-keys keys.json) [--expect-request-id <id>] [--expect-certificate-id <id>] " +
        "[--min-signable v2|v3] [--require verified|egress_unattested|partial] [--json] [--allow-test-keys (test harnesses only)]";

    /// <summary>Whether the arguments ask for this mode.</summary>
    internal static bool IsRequested(IEnumerable<string> args) => args.Contains(ChainArguments.ChainFlag, StringComparer.Ordinal);

    internal static int Run(string[] args, Func<Stream> stdin, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            ChainArguments arguments = ChainArguments.Parse(args);
            if (arguments.Has("--help"))
            {
                stdout.WriteLine(Usage);
                return ExitCodes.Valid;
            }

            if (arguments.Positional.Count != 1)
            {
                throw new UsageException("exactly one certificate file (or - for standard input) is required");
            }

            string require = ParseRequire(arguments.Get("--require"));
            CertificateChainKeys keys = Keys(arguments);
            keys.Validate();
            byte[] certificate = ChainInput.ReadBytes(arguments.Positional[0], stdin);

            CertificateChainResult result = CertificateChainVerifier.Verify(certificate, keys);
            bool met = result.Verdict != ChainVerdicts.Failed && result.Reaches(require);
            if (arguments.Has("--json"))
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
        catch (LucairnConfigException ex)
        {
            stderr.WriteLine($"lucairn-verify --chain: {ex.Message}");
            return ExitCodes.Usage;
        }
    }

    private static string ParseRequire(string? text) => text?.ToUpperInvariant() switch
    {
        null or ChainVerdicts.Verified => ChainVerdicts.Verified,
        ChainVerdicts.EgressUnattested => ChainVerdicts.EgressUnattested,
        ChainVerdicts.Partial => ChainVerdicts.Partial,
        _ => throw new UsageException($"--require must be verified, egress_unattested or partial, not '{text}' (FAILED always exits 1)"),
    };

    private static CertificateChainKeys Keys(ChainArguments arguments)
    {
        ChainKeyFile? file = arguments.Get("--service-keys") is { } path ? ChainKeyFile.Read(path) : null;
        var services = new Dictionary<string, string>(file?.Services ?? [], StringComparer.Ordinal);
        foreach ((string id, string key) in arguments.ServiceKeys)
        {
            if (!services.TryAdd(id, key))
            {
                throw new UsageException($"the service key of '{id}' is given twice");
            }
        }

        if (services.Count == 0)
        {
            throw new UsageException("pin at least one service key (--service-key ID=KEY or --service-keys file.json)");
        }

        string keyId = arguments.Get("--key-id") ?? file?.WitnessKeyId
            ?? throw new UsageException("option --key-id is required (or a witness.key_id in the --service-keys file)");
        string witnessKey = WitnessKey(arguments.Get("--witness-key")) ?? file?.WitnessKey
            ?? throw new UsageException("option --witness-key is required (or a witness.public_key_base64 in the --service-keys file)");
        return new CertificateChainKeys
        {
            WitnessKeyId = keyId,
            WitnessPublicKey = witnessKey,
            ServicePublicKeys = services,
            MinimumSignableVersion = arguments.Get("--min-signable") is { } minimum
                ? (minimum is "v2" or "v3" ? minimum : throw new UsageException($"--min-signable must be v2 or v3, not '{minimum}'"))
                : null,
            ExpectedRequestId = arguments.Get("--expect-request-id"),
            ExpectedCertificateId = arguments.Get("--expect-certificate-id"),
            AllowTestKeys = arguments.Has("--allow-test-keys"),
        };
    }

    /// <summary>The key text as given, or the trimmed content of a file holding it.</summary>
    private static string? WitnessKey(string? value) =>
        value is not null && File.Exists(value) ? ChainInput.ReadText(value).Trim() : value;
}
