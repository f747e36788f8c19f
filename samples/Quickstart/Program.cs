// The quickstart: the Lucairn, Attesto and NOMYO flows end to end, offline against the
// in-process emulators unless the vendor's API key is set in the environment. It prints what
// was done and verified, and exits non-zero if any verification fails.
using Quickstart;

var report = new QuickstartReport(Console.Out);
Console.WriteLine("Privacy and evidence SDKs for .NET: quickstart");
await report.RunAsync("Lucairn", LucairnFlow.RunAsync);
await report.RunAsync("Attesto", AttestoFlow.RunAsync);
await report.RunAsync("Nomyo", NomyoFlow.RunAsync);
report.Summary();
return report.ExitCode;
