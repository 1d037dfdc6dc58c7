using System.CommandLine;
using DerSim.Harness.Cli;

var root = new RootCommand("DerSim: OCPP conformance harness. Commands: run (the bundled checks against a CSMS), csms (the reference CSMS), check (dry-run the features), steps (the step library), report (render the HTML report).")
{
    RunCommand.Create(),
    CsmsCommand.Create(),
    CheckCommand.Create(),
    StepsCommand.Create(),
    ReportCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
