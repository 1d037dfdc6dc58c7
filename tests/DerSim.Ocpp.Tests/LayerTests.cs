using DerSim.Ocpp.Rpc;

namespace DerSim.Ocpp.Tests;

[TestFixture]
public sealed class LayerTests
{
    [Test]
    public void The_OCPP_stack_references_neither_the_station_nor_a_CSMS() =>
        LayerRules.Check(typeof(OcppRpcPeer).Assembly, "src/DerSim.Ocpp/DerSim.Ocpp.csproj");

    [Test]
    public void Its_folders_use_each_other_in_no_cycle() =>
        LayerRules.CheckNoFolderCycles(typeof(OcppRpcPeer).Assembly, "DerSim.Ocpp");
}
