using Tools;

namespace Lucairn.Verify.Chain;

/// <summary>
/// The arguments of <c>lucairn-verify --chain</c>. A parser of its own because
/// <c>--service-key</c> repeats; unknown options, a missing value or a repeated single option are
/// usage errors.
/// </summary>
internal sealed class ChainArguments
{
    internal const string ChainFlag = "--chain";

    private static readonly string[] Flags = [ChainFlag, "--json", "--allow-test-keys", "--help"];

    private static readonly string[] Single =
        ["--witness-key", "--key-id", "--service-keys", "--expect-request-id", "--expect-certificate-id", "--min-signable", "--require"];

    private const string ServiceKey = "--service-key";

    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>The positional arguments (the certificate file, or <c>-</c>).</summary>
    internal List<string> Positional { get; } = [];

    /// <summary>The <c>--service-key ID=KEY</c> values in order.</summary>
    internal List<(string Id, string Key)> ServiceKeys { get; } = [];

    internal static ChainArguments Parse(IReadOnlyList<string> args)
    {
        var result = new ChainArguments();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "-" || !arg.StartsWith("--", StringComparison.Ordinal))
            {
                result.Positional.Add(arg);
            }
            else if (Flags.Contains(arg))
            {
                result._flags.Add(arg);
            }
            else if (arg == ServiceKey || Single.Contains(arg))
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"option {arg} needs a value");
                }

                string value = args[++i];
                if (arg == ServiceKey)
                {
                    int equals = value.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        throw new UsageException($"{ServiceKey} must be SERVICE_ID=BASE64_KEY, not '{value}'");
                    }

                    result.ServiceKeys.Add((value[..equals], value[(equals + 1)..]));
                }
                else if (!result._values.TryAdd(arg, value))
                {
                    throw new UsageException($"option {arg} was given twice");
                }
            }
            else
            {
                throw new UsageException($"unknown option {arg}");
            }
        }

        return result;
    }

    internal bool Has(string flag) => _flags.Contains(flag);

    internal string? Get(string option) => _values.GetValueOrDefault(option);
}
