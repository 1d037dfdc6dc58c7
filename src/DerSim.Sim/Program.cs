using DerSim.Sim.Cli;
using DerSim.Ocpp;

StartupTrace.Mark("main");
const int ExitInternal = 1;
try
{
    return await SimProgram.RunAsync(args, Console.Out, Console.Error, TimeProvider.System);
}
catch (Exception ex)
{
    // Whatever escaped is DerSim's fault, not the user's: one line and exit 1, never a stack trace (issue 13, item 5).
    await Console.Error.WriteLineAsync($"sim: internal error: {ex.GetType().Name}: {LogText.Escape(ex.Message)}");
    return ExitInternal;
}
