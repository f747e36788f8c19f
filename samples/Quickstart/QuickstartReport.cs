namespace Quickstart;

/// <summary>Collects what each flow did and verified, prints it, and decides the exit code.</summary>
internal sealed class QuickstartReport(TextWriter output)
{
    private int _failures;

    /// <summary>0 when every step passed, 1 otherwise.</summary>
    internal int ExitCode => _failures == 0 ? 0 : 1;

    internal void Section(string title, string mode) => output.WriteLine($"\n== {title} ({mode})");

    internal void Done(string what) => output.WriteLine($"  done      {what}");

    internal void Verified(string what) => output.WriteLine($"  VERIFIED  {what}");

    internal void Failed(string what)
    {
        _failures++;
        output.WriteLine($"  FAILED    {what}");
    }

    /// <summary>Runs one flow; an exception is reported as a failure of that flow, not a crash.</summary>
    internal async Task RunAsync(string title, Func<QuickstartReport, Task> flow)
    {
        try
        {
            await flow(this);
        }
        catch (Exception ex)
        {
            Failed($"{title}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    internal void Summary() =>
        output.WriteLine(_failures == 0 ? "\nAll flows ran and every verification passed." : $"\n{_failures} step(s) failed.");
}
