using Attesto.Verify;

return VerifyCommand.Run(args, Console.In, Console.Out, Console.Error);
