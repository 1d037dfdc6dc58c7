using DerSim.Gherkin.Configuration;
using Reqnroll.Configuration;

namespace DerSim.Harness.Tests.Configuration;

/// <summary>The repository's reqnroll.json, as the Gherkin glue reads it for <c>dersim run</c>.</summary>
[TestFixture]
public sealed class RepositoryReqnrollJsonTests
{
    [Test]
    public void The_repositorys_reqnroll_json_loads_without_warnings()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "reqnroll.json");

        var config = ReqnrollConfig.Load(path);

        config.FilePath.ShouldBe(path);
        config.FeatureLanguage.ShouldBe("en-US");
        config.MissingOrPendingStepsOutcome.ShouldBe(MissingOrPendingStepsOutcome.Inconclusive);
        config.Warnings.ShouldBeEmpty();
    }
}
