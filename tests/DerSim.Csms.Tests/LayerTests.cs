using DerSim.Ocpp.Tests;

namespace DerSim.Csms.Tests;

[TestFixture]
public sealed class LayerTests
{
    [Test]
    public void The_reference_CSMS_references_the_OCPP_stack_only() =>
        LayerRules.Check(typeof(ReferenceCsms).Assembly, "src/DerSim.Csms/DerSim.Csms.csproj", "DerSim.Ocpp");

    [Test]
    public void Its_folders_use_each_other_in_no_cycle() =>
        LayerRules.CheckNoFolderCycles(typeof(ReferenceCsms).Assembly, "DerSim.Csms");
}
