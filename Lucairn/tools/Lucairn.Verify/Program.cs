using System.Text;
using Lucairn.Verify;
using Lucairn.Verify.Chain;

if (ChainCommand.IsRequested(args))
{
    return ChainCommand.Run(args, Console.OpenStandardInput, Console.Out, Console.Error);
}

// Buffered standard output (a bulk run writes a line per input); flushed before exit.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 1 << 16);
int exitCode = await VerifyCommand.RunAsync(args, stdin, stdout, Console.Error, !Console.IsErrorRedirected);
await stdout.FlushAsync();
return exitCode;
