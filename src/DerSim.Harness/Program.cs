using System.CommandLine;
using DerSim.Harness.Cli;

var root = new RootCommand("DerSim: OCPP conformance harness. Commands: run (the conformance scenarios against a CSMS, with reports), bootcheck (boot every profile in every version), csms (the reference CSMS), certs (throw-away certificates for security profiles 2 and 3), check (dry-run the features), steps (the step library), drivers (the CSMS drivers; --actions: the Http driver's actions), report (render the HTML report).")
{
    RunCommand.Create(),
    BootCheckCommand.Create(),
    CsmsCommand.Create(),
    CertsCommand.Create(),
    CheckCommand.Create(),
    StepsCommand.Create(),
    DriversCommand.Create(),
    ReportCommand.Create(),
};
// Tag expressions start with '@' ("--tags @boot"): not response files.
return await root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null }).InvokeAsync();
