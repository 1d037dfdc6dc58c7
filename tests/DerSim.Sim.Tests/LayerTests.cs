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
    /// The station's folders (its namespaces) use each other one way only: the engine below the adapters and the
    /// runner, the physics below the DER functions, the clocks below them all. A cycle means a type sits in the wrong
    /// folder or a lower folder lacks the narrow interface the higher one should implement.
    /// </summary>
    [Test]
    public void The_station_s_folders_form_no_cycle()
    {
        var graph = NamespaceDependencies.Of(typeof(StationRunner).Assembly, "DerSim.Sim");
        var cycles = NamespaceDependencies.Cycles(graph);
        cycles.ShouldBeEmpty(string.Join(Environment.NewLine, cycles.Select(c =>
            string.Join(" → ", c) + ": " + string.Join("; ", c.Zip(c.Skip(1), (from, to) => graph[from][to])))));
    }
}
