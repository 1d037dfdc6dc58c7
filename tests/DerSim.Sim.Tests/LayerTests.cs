using DerSim.Ocpp.Tests;
using DerSim.Sim.Runtime;

namespace DerSim.Sim.Tests;

[TestFixture]
public sealed class LayerTests
{
    [Test]
    public void The_station_references_the_OCPP_stack_only() =>
        LayerRules.Check(typeof(StationRunner).Assembly, "src/DerSim.Sim/DerSim.Sim.csproj", "DerSim.Ocpp");

    /// <summary>
    /// The station's folders use each other one way only: the engine below the adapters and the runner, the physics
    /// below the DER functions, the clocks below them all. A cycle means a type sits in the wrong folder or a lower
    /// folder lacks the narrow interface the higher one should implement.
    /// </summary>
    [Test]
    public void Its_folders_use_each_other_in_no_cycle() =>
        LayerRules.CheckNoFolderCycles(typeof(StationRunner).Assembly, "DerSim.Sim");
}
