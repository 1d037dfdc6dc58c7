using DerSim.Ocpp.Tests;

namespace DerSim.Gherkin.Tests;

/// <summary>The Gherkin glue (the feature loader, the glue onto Reqnroll, the NUnit front) is an assembly of its own that depends on nothing else in DerSim.</summary>
[TestFixture]
public sealed class LayerTests
{
    [Test]
    public void The_Gherkin_glue_references_nothing_of_DerSim() =>
        LayerRules.Check(typeof(DerSim.Gherkin.Glue.ReqnrollExecutor).Assembly, "src/DerSim.Gherkin/DerSim.Gherkin.csproj");

    [Test]
    public void Its_folders_use_each_other_in_no_cycle() =>
        LayerRules.CheckNoFolderCycles(typeof(DerSim.Gherkin.Glue.ReqnrollExecutor).Assembly, "DerSim.Gherkin");
}
