using System.CommandLine;
using DerSim.Harness.Cli;

var root = new RootCommand("DerSim: OCPP conformance harness. Commands: run (the bundled checks against a CSMS), csms (the reference CSMS), check (dry-run the features), steps (the step library).")
{
    RunCommand.Create(),
    CsmsCommand.Create(),
    CheckCommand.Create(),
    StepsCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
