using Lucairn.Verify;

return VerifyCommand.Run(args, Console.In, Console.Out, Console.Error);
