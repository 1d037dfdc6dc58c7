using DerSim.Ocpp.Rpc;

namespace DerSim.Ocpp.Tests;

[TestFixture]
public sealed class LayerTests
{
    [Test]
    public void The_OCPP_stack_references_neither_the_station_nor_a_CSMS() =>
        LayerRules.Check(typeof(OcppRpcPeer).Assembly, "src/DerSim.Ocpp/DerSim.Ocpp.csproj");
}
