using DerSim.Harness.Suite;
using DerSim.Ocpp.Tests;

namespace DerSim.Harness.Tests.Layers;

[TestFixture]
public sealed class LayerTests
{
    [Test]
    public void The_harness_sits_on_the_OCPP_stack_the_station_the_reference_CSMS_and_the_Gherkin_glue() =>
        LayerRules.Check(typeof(SuiteRunner).Assembly, "src/DerSim.Harness/DerSim.Harness.csproj", "DerSim.Ocpp", "DerSim.Sim", "DerSim.Csms", "DerSim.Gherkin");

    [Test]
    public void Its_folders_use_each_other_in_no_cycle() =>
        LayerRules.CheckNoFolderCycles(typeof(SuiteRunner).Assembly, "DerSim.Harness");
}
