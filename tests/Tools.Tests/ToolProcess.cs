using System.Diagnostics;
using System.Reflection;

namespace Tools.Tests;

/// <summary>Runs a built verifier tool as a child process (<c>dotnet tool.dll args</c>) and captures its output.</summary>
internal static class ToolProcess
{
    internal sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    internal static async Task<Result> RunAsync(string toolProjectDirectory, string assemblyName, string? stdin, params string[] args)
    {
        string configuration = typeof(ToolProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "Configuration").Value!;
        string repoRoot = typeof(ToolProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!;
        string dll = Path.Combine(repoRoot, toolProjectDirectory, "bin", configuration, "net10.0", assemblyName + ".dll");
        Assert.That(File.Exists(dll), Is.True, $"tool not built: {dll}");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
