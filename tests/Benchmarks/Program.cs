using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project tests/Benchmarks -- --filter '*'
// CI builds this project but never runs it.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
