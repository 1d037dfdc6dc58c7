using DerSim.Ocpp.Tests;
using DerSim.Sim.Runtime;

namespace DerSim.Sim.Tests;

[TestFixture]
public sealed class LayerTests
{
    [Test]
    public void The_station_references_the_OCPP_stack_only() =>
        LayerRules.Check(typeof(StationRunner).Assembly, "src/DerSim.Sim/DerSim.Sim.csproj", "DerSim.Ocpp");
}
