using DerSim.Sim.Cli;

return await SimProgram.RunAsync(args, Console.Out, Console.Error, TimeProvider.System);
