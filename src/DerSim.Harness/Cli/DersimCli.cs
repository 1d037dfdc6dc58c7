using System.CommandLine;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;
using DerSim.Ocpp;

namespace DerSim.Harness.Cli;

/// <summary>
/// The <c>dersim</c> command line: parses, runs the command and turns every failure into one line on stderr
/// (issue 13, item 5): a bad command line or an input/output failure exits 2, an unexpected error inside DerSim
/// exits 1, a command that ends cancelled exits 130 (as after Ctrl+C). No stack trace reaches the user.
/// </summary>
internal static class DersimCli
{
    /// <summary>Exit code of a bad command line, or a file or folder that cannot be read or written.</summary>
    public const int ExitUsage = 2;

    /// <summary>Exit code of an unexpected error inside DerSim.</summary>
    public const int ExitInternal = 1;

    /// <summary>Exit code of a command that ended cancelled: 128 + SIGINT, as shells expect after Ctrl+C.</summary>
    public const int ExitInterrupted = 130;

    /// <summary>The root command with every sub-command.</summary>
    public static RootCommand Root() => new("DerSim: OCPP conformance harness. Commands: run (the conformance scenarios against a CSMS, with reports), bootcheck (boot every profile in every version), csms (the reference CSMS), certs (throw-away certificates for security profiles 2 and 3), check (dry-run the features), steps (the step library), drivers (the CSMS drivers; --actions: the Http driver's actions), report (render the HTML report), catalogue (the OCA test cases and their coverage), load-merge (merge the summaries of a sharded load run).")
    {
        RunCommand.Create(),
        BootCheckCommand.Create(),
        CsmsServerCommand.Create(),
        CertsCommand.Create(),
        CheckCommand.Create(),
        StepsCommand.Create(),
        DriversCommand.Create(),
        ReportCommand.Create(),
        CatalogueCommand.Create(),
        LoadMergeCommand.Create(),
    };

    /// <summary>Runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        // Tag expressions start with '@' ("--tags @boot"): not response files.
        var parsed = Root().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var name = parsed.CommandResult.Command is RootCommand ? "dersim" : $"dersim {parsed.CommandResult.Command.Name}";
        if (parsed.Action is ParseErrorAction)
        {
            // The first error is the one to fix; the usage is one --help away rather than a page of it here.
            await stderr.WriteLineAsync($"{name}: {LogText.Escape(parsed.Errors[0].Message)}").ConfigureAwait(false);
            await stderr.WriteLineAsync($"Run ./{name} --help for usage.").ConfigureAwait(false);
            return ExitUsage;
        }

        try
        {
            // Ctrl+C (SIGINT) and SIGTERM become the commands' cancellation token: a run stops between scenarios and
            // still writes its reports, the CSMS closes its connections. (System.CommandLine's own hook did not fire.)
            using var interrupted = new CancellationTokenSource();
            void Interrupt(PosixSignalContext context)
            {
                context.Cancel = true;
                interrupted.Cancel();
            }

            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, interrupted.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync($"{name}: interrupted").ConfigureAwait(false);
            return ExitInterrupted;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // .NET's file-system messages name the path ("Access to the path '/x' is denied.").
            await stderr.WriteLineAsync($"{name}: {LogText.Escape(ex.Message)}").ConfigureAwait(false);
            return ExitUsage;
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync($"{name}: internal error: {ex.GetType().Name}: {LogText.Escape(ex.Message)}").ConfigureAwait(false);
            return ExitInternal;
        }
    }
}
