using System.Diagnostics;

namespace DerSim.Harness.Tests.Cli;

/// <summary>The built <c>dersim</c> as a process, in the test output folder and without the caller's DerSim environment.</summary>
internal static class DersimProcess
{
    /// <summary>Start information for <c>dersim <paramref name="args"/></c>, output redirected.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dersim.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("DERSIM_CSMS_URL");
        info.Environment.Remove("DERSIM_ROOT");
        info.Environment.Remove("DERSIM_REPORTS_DIR");
        info.Environment.Remove("DERSIM_TARGET");
        info.Environment.Remove("DERSIM_CSMS_PASSWORD");
        return info;
    }

    /// <summary>Runs <c>dersim <paramref name="args"/></c> to its end (at most two minutes on a loaded machine).</summary>
    public static Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) => RunAsync(TimeSpan.FromSeconds(120), args);

    /// <summary>Runs <c>dersim <paramref name="args"/></c> to its end, for at most <paramref name="limit"/>.</summary>
    public static Task<(int Exit, string Stdout, string Stderr)> RunAsync(TimeSpan limit, params string[] args) => RunInAsync(null, limit, args);

    /// <summary>As <see cref="RunAsync(TimeSpan, string[])"/>, started in <paramref name="workingDirectory"/> (null: the test output folder).</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunInAsync(string? workingDirectory, TimeSpan limit, params string[] args)
    {
        var info = StartInfo(args);
        info.WorkingDirectory = workingDirectory ?? info.WorkingDirectory;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(wait.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
