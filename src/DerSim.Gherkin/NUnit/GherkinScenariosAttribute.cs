using DerSim.Gherkin.Configuration;
using DerSim.Gherkin.Features;
using DerSim.Gherkin.Model;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace DerSim.Gherkin.NUnit;

/// <summary>
/// Makes a method taking a <see cref="ScenarioCase"/> one NUnit test per scenario (outline rows included) of the
/// feature files under <see cref="Paths"/>: named "&lt;Feature&gt; / &lt;Scenario&gt;", tags as categories,
/// <c>@ignore</c> ignored, parallel unless a tag opts out. A file that does not parse and a missing folder become
/// failing tests, so nothing is skipped silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class GherkinScenariosAttribute : NUnitAttribute, ITestBuilder, IImplyFixture
{
    /// <summary>The tag that keeps a scenario (or all scenarios of a feature) out of parallel execution.</summary>
    public const string NonParallelizableTag = "non-parallelizable";

    /// <summary>The tag that ignores a scenario or feature.</summary>
    public const string IgnoreTag = "ignore";

    private readonly NUnitTestCaseBuilder builder = new();

    /// <summary>Creates the attribute.</summary>
    /// <param name="paths">Feature files or folders, relative to the test assembly's folder (or absolute).</param>
    public GherkinScenariosAttribute(params string[] paths) => Paths = paths.Length == 0 ? ["features"] : paths;

    /// <summary>The feature files or folders, relative to the test assembly's folder.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <inheritdoc />
    public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite)
    {
        ArgumentNullException.ThrowIfNull(method);
        var baseDirectory = GherkinNUnit.DirectoryOf(method.TypeInfo.Assembly);
        ReqnrollConfig config;
        try
        {
            config = GherkinNUnit.ConfigFor(baseDirectory);
        }
        catch (ReqnrollConfigException e)
        {
            return [Invalid(method, suite, "Invalid reqnroll.json", e.Message, [])];
        }

        return BuildFrom(method, suite, baseDirectory, config);
    }

    /// <summary>Builds the tests with an explicit folder and configuration (tests of the glue itself).</summary>
    internal List<TestMethod> BuildFrom(IMethodInfo method, Test? suite, string baseDirectory, ReqnrollConfig config)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var tests = new List<TestMethod>();
        var existing = new List<string>();
        foreach (var path in Paths)
        {
            var full = Path.GetFullPath(Path.Combine(baseDirectory, path));
            if (File.Exists(full) || Directory.Exists(full))
            {
                existing.Add(full);
            }
            else
            {
                tests.Add(Invalid(method, suite, $"Missing features: {path}",
                    $"No feature file or folder at '{full}' ([GherkinScenarios(\"{path}\")] is relative to the test assembly's folder {baseDirectory}).",
                    names));
            }
        }

        FeatureLoadResult loaded;
        try
        {
            loaded = FeatureLoader.Load(existing, config.FeatureLanguage);
        }
        catch (ArgumentException e)
        {
            tests.Add(Invalid(method, suite, "Invalid language.feature", $"{config.FilePath}: {e.Message}", names));
            return tests;
        }

        foreach (var file in loaded.Errors.GroupBy(e => e.Path, StringComparer.Ordinal))
        {
            var shown = ShownPath(file.Key, existing);
            tests.Add(Invalid(method, suite, $"Parse error: {shown}", string.Join('\n', file), names));
        }

        var nonParallel = new HashSet<string>(config.AddNonParallelizableMarkerForTags, StringComparer.OrdinalIgnoreCase) { NonParallelizableTag };
        foreach (var scenario in loaded.Features.SelectMany(f => f.Scenarios))
        {
            tests.Add(Build(method, suite, scenario, nonParallel, names));
        }

        return tests;
    }

    private TestMethod Build(IMethodInfo method, Test? suite, ScenarioCase scenario, HashSet<string> nonParallel, HashSet<string> names)
    {
        var parameters = new TestCaseParameters([scenario]);
        foreach (var tag in scenario.Tags)
        {
            parameters.Properties.Add(PropertyNames.Category, tag);
        }

        if (scenario.Description.Length > 0)
        {
            parameters.Properties.Set(PropertyNames.Description, scenario.Description);
        }

        if (scenario.Tags.Any(t => t.Equals(IgnoreTag, StringComparison.OrdinalIgnoreCase)))
        {
            parameters.RunState = RunState.Ignored;
            parameters.Properties.Set(PropertyNames.SkipReason, $"@ignore ({scenario.Feature.DisplayPath}:{scenario.Line})");
        }

        var test = builder.BuildTestMethod(method, suite, parameters);
        Name(test, method, suite, scenario.TestName, names);

        // Set after building: the builder would apply the method's own [Parallelizable] on top.
        test.Properties.Set(
            PropertyNames.ParallelScope,
            scenario.Tags.Any(nonParallel.Contains) ? ParallelScope.None : ParallelScope.Self);
        return test;
    }

    private TestMethod Invalid(IMethodInfo method, Test? suite, string name, string reason, HashSet<string> names)
    {
        // NotRunnable is reported by NUnit as a failure ("Invalid") with the reason as its message.
        var parameters = new TestCaseParameters([null])
        {
            RunState = RunState.NotRunnable,
        };
        parameters.Properties.Set(PropertyNames.SkipReason, reason);
        var test = builder.BuildTestMethod(method, suite, parameters);
        test.RunState = RunState.NotRunnable;
        test.Properties.Set(PropertyNames.SkipReason, reason);
        Name(test, method, suite, name, names);
        return test;
    }

    private static string ShownPath(string file, List<string> roots)
    {
        // Relative to the folder it was found in, as the user wrote it: "Parse error: sub/broken.feature".
        var root = roots.Where(Directory.Exists).FirstOrDefault(r => !Path.GetRelativePath(r, file).StartsWith("..", StringComparison.Ordinal));
        return root is null ? Path.GetFileName(file) : Path.GetRelativePath(root, file).Replace('\\', '/');
    }

    private static void Name(TestMethod test, IMethodInfo method, Test? suite, string name, HashSet<string> names)
    {
        // Names are set directly because the builder would read '{' in a scenario name as a name pattern.
        var unique = name;
        for (var n = 2; !names.Add(unique); n++)
        {
            unique = $"{name} #{n}";
        }

        test.Name = unique;
        test.FullName = $"{suite?.FullName ?? method.TypeInfo.FullName}.{unique}";
    }
}
