using System.Text;
using Lucairn.Verify;
using Lucairn.Verify.Chain;

// Buffered standard output (a bulk run writes a line per input); flushed before exit.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
int exitCode;
if (ChainCommand.IsRequested(args))
{
    // The chain check reads standard input as raw bytes.
    exitCode = await ChainCommand.RunAsync(args, Console.OpenStandardInput, stdout, Console.Error, !Console.IsErrorRedirected);
}
else
{
    using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 1 << 16);
    exitCode = await VerifyCommand.RunAsync(args, stdin, stdout, Console.Error, !Console.IsErrorRedirected);
}

await stdout.FlushAsync();
return exitCode;
