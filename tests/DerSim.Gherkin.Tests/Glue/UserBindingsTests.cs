using DerSim.Gherkin.Features;
using DerSim.Gherkin.Glue;
using DerSim.Gherkin.Model;

namespace DerSim.Gherkin.Tests.Glue;

/// <summary>
/// A user's own binding library (tests/DerSim.UserBindings: Reqnroll only, no DerSim types) is loaded through
/// reqnroll.json's <c>bindingAssemblies</c>, unchanged, and its steps and hooks run in one scenario with the test
/// assembly's own bindings.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class UserBindingsTests
{
    private const string Feature = """
        Feature: User bindings
          @user
          Scenario: A user's steps and hooks run beside ours
            Given the glue probe starts at 1
            And the user counts the rows of
              | row |
              | a   |
              | b   |
            Then the user's count is 2
            And the user's hook ran
            And the glue probe holds 1
        """;

    [TestCase(true, ScenarioStatus.Passed)]
    [TestCase(false, ScenarioStatus.Undefined)]
    public async Task Bindings_of_an_assembly_named_in_reqnroll_json_are_found(bool named, ScenarioStatus expected)
    {
        var folder = Directory.CreateTempSubdirectory("dersim-user-bindings-").FullName;
        try
        {
            var config = Path.Combine(folder, "reqnroll.json");
            var assemblies = named ? """, "bindingAssemblies": [ { "assembly": "DerSim.UserBindings" } ]""" : "";
            File.WriteAllText(config, $$"""{ "language": { "feature": "en-US" }{{assemblies}} }""");
            var (feature, errors) = FeatureLoader.Parse(Feature, "user.feature", "user.feature", "en");
            errors.ShouldBeEmpty();
            using var executor = new ReqnrollExecutor(typeof(UserBindingsTests).Assembly, config);
            var result = await executor.RunAsync(feature!.Scenarios[0], CancellationToken.None);
            await executor.EndRunAsync();
            result.Status.ShouldBe(expected, result.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
