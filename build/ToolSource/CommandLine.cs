namespace Tools;

/// <summary>
/// A minimal, strict command-line parser shared by the verifier tools: positional arguments,
/// <c>--name value</c> options (once each, or repeatable when declared so) and <c>--flag</c>
/// switches. Unknown options, a missing value and a single option given twice are errors.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _repeated = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandLine(List<string> positional)
    {
        Positional = positional;
    }

    /// <summary>The positional arguments in order.</summary>
    internal IReadOnlyList<string> Positional { get; }

    /// <summary>Parses the arguments; throws <see cref="UsageException"/> on anything unexpected.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="valueOptions">Options that take a value and may be given once.</param>
    /// <param name="flagOptions">Switches.</param>
    /// <param name="repeatableOptions">Options that take a value and may be given any number of times (read with <see cref="GetAll"/>).</param>
    internal static CommandLine Parse(
        IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flagOptions, IReadOnlyCollection<string>? repeatableOptions = null)
    {
        var positional = new List<string>();
        var result = new CommandLine(positional);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "-" || !arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
            }
            else if (flagOptions.Contains(arg))
            {
                result._flags.Add(arg);
            }
            else if (repeatableOptions?.Contains(arg) == true)
            {
                string value = ValueOf(args, ref i);
                if (!result._repeated.TryGetValue(arg, out List<string>? values))
                {
                    result._repeated[arg] = values = [];
                }

                values.Add(value);
            }
            else if (valueOptions.Contains(arg))
            {
                if (!result._options.TryAdd(arg, ValueOf(args, ref i)))
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

    private static string ValueOf(IReadOnlyList<string> args, ref int i) =>
        i + 1 < args.Count ? args[++i] : throw new UsageException($"option {args[i]} needs a value");

    /// <summary>Whether a switch was given.</summary>
    internal bool Has(string flag) => _flags.Contains(flag);

    /// <summary>An option's value, or null.</summary>
    internal string? Get(string option) => _options.GetValueOrDefault(option);

    /// <summary>Every value of a repeatable option, in the order given (empty when it was not given).</summary>
    internal IReadOnlyList<string> GetAll(string option) => _repeated.TryGetValue(option, out List<string>? values) ? values : [];

    /// <summary>An option's value; a usage error when it is missing.</summary>
    internal string Require(string option) => Get(option) ?? throw new UsageException($"option {option} is required");

    /// <summary>A whole-number option; a usage error when it is missing or not a number.</summary>
    internal long RequireInt64(string option) =>
        long.TryParse(Require(option), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new UsageException($"option {option} must be a whole number");

    /// <summary>Reads a file, or standard input for <c>-</c>; an I/O problem becomes a usage error.</summary>
    internal static string ReadInput(string path, TextReader stdin)
    {
        try
        {
            return path == "-" ? stdin.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read '{path}': {ex.Message}");
        }
    }
}

/// <summary>A usage or I/O error: the tools print it and exit with code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The exit codes every verifier tool uses.</summary>
internal static class ExitCodes
{
    /// <summary>Verified.</summary>
    internal const int Valid = 0;

    /// <summary>Verification failed; the reason was printed.</summary>
    internal const int Invalid = 1;

    /// <summary>Bad usage, or a file could not be read.</summary>
    internal const int Usage = 2;
}
