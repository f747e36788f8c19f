using Lucairn.Verify;
using Lucairn.Verify.Chain;

return ChainCommand.IsRequested(args)
    ? ChainCommand.Run(args, Console.OpenStandardInput, Console.Out, Console.Error)
    : VerifyCommand.Run(args, Console.In, Console.Out, Console.Error);
