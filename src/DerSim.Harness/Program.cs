using System.CommandLine;
using DerSim.Harness.Cli;

var root = new RootCommand("DerSim: OCPP conformance harness. Commands: run (the bundled checks against a CSMS), csms (the reference CSMS).")
{
    RunCommand.Create(),
    CsmsCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
