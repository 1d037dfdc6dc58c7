using DerSim.Harness.Cli;

return await DersimCli.RunAsync(args, Console.Error);
