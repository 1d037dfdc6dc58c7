using System.Reflection;
using System.Reflection.Emit;
using System.Text;
using BenchmarkDotNet.Attributes;
using DerSim.Gherkin.Features;
using DerSim.Gherkin.Glue;
using DerSim.Gherkin.Model;
using Reqnroll;

namespace DerSim.Bench;

/// <summary>
/// What a dry run (<c>dersim check</c>) costs on Reqnroll's runtime with a library of 200 step definitions (Cucumber
/// expressions with parameters, optional text and alternatives, and regular expressions) and 50 feature files holding
/// 500 steps: parsing the features, building Reqnroll's binding registry, matching every step.
/// </summary>
[MemoryDiagnoser]
public class BindingBenchmarks
{
    public const int Bindings = 200;
    public const int Steps = 500;
    private const int Features = 50;
    private Type _bindings = null!;
    private string _directory = null!;
    private DryRun _registry = null!;
    private IReadOnlyList<ScenarioCase> _scenarios = null!;

    [GlobalSetup]
    public void Setup()
    {
        _bindings = EmitBindings();
        _directory = Path.Combine(Path.GetTempPath(), "dersim-bench-features");
        WriteFeatures(_directory);
        _registry = Discover(_bindings);
        _scenarios = [.. FeatureLoader.Load([_directory], "en").Features.SelectMany(f => f.Scenarios)];
        var matched = _scenarios.SelectMany(s => s.Steps.Select(step => _registry.Match(s, step))).Count(m => m.Kind == StepMatchKind.Matched);
        var count = _registry.Registry.GetStepDefinitions().Count();
        if (count != Bindings || matched != Steps)
        {
            throw new InvalidOperationException($"bench setup: {count} bindings, {matched} of {Steps} steps matched; errors: {string.Join("; ", _registry.Registry.GetErrorMessages().Select(e => e.Message))}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>Reads the 50 feature files into 500 pickled steps.</summary>
    [Benchmark]
    public int Parse() => FeatureLoader.Load([_directory], "en").Features.Count;

    /// <summary>Builds Reqnroll's registry of the 200 step definitions.</summary>
    [Benchmark]
    public int Discover() => Discover(_bindings).Registry.GetStepDefinitions().Count();

    /// <summary>Matches the 500 steps against the 200 compiled definitions.</summary>
    [Benchmark]
    public int Match()
    {
        var matched = 0;
        foreach (var scenario in _scenarios)
        {
            foreach (var step in scenario.Steps)
            {
                matched += _registry.Match(scenario, step).Kind == StepMatchKind.Matched ? 1 : 0;
            }
        }

        return matched;
    }

    /// <summary>What <c>dersim check</c> pays: parse, discover and match everything.</summary>
    [Benchmark]
    public int DiscoverAndMatchAll()
    {
        var registry = Discover(_bindings);
        var matched = 0;
        foreach (var scenario in FeatureLoader.Load([_directory], "en").Features.SelectMany(f => f.Scenarios))
        {
            foreach (var step in scenario.Steps)
            {
                matched += registry.Match(scenario, step).Kind == StepMatchKind.Matched ? 1 : 0;
            }
        }

        return matched;
    }

    // The bench assembly has no bindings of its own; the emitted ones join as a further binding assembly, and no
    // reqnroll.json is looked up (the repository's would add DerSim's steps).
    private static DryRun Discover(Type bindings) => DryRun.Of(typeof(BindingBenchmarks).Assembly, DerSim.Gherkin.Configuration.ReqnrollConfig.Default, [bindings.Assembly]);

    private static string ExpressionOf(int i) => (i % 4) switch
    {
        0 => $"station{i} charger {{int}} reports {{string}}",
        1 => $"ev{i} arrives with {{float}} kWh and {{word}} connector",
        2 => $@"^meter{i} on connector (\d+) reads (\w+)$",
        _ => $"profile{i} limit(s) apply/applies to the station",
    };

    private static string StepTextOf(int i, int variant) => (i % 4) switch
    {
        0 => $"station{i} charger {variant} reports \"Available\"",
        1 => $"ev{i} arrives with {variant}.5 kWh and ccs connector",
        2 => $"meter{i} on connector {variant} reads Power",
        _ => variant % 2 == 0 ? $"profile{i} limits apply to the station" : $"profile{i} limit applies to the station",
    };

    private static Type EmitBindings()
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("DerSim.Bench.Bindings"), AssemblyBuilderAccess.Run);
        var module = assembly.DefineDynamicModule("DerSim.Bench.Bindings");
        var type = module.DefineType("BenchSteps", TypeAttributes.Public | TypeAttributes.Sealed);
        type.SetCustomAttribute(new CustomAttributeBuilder(typeof(BindingAttribute).GetConstructor(Type.EmptyTypes)!, []));
        var given = typeof(GivenAttribute).GetConstructor([typeof(string)])!;
        for (var i = 0; i < Bindings; i++)
        {
            Type[] parameters = (i % 4) switch
            {
                0 => [typeof(int), typeof(string)],
                1 => [typeof(float), typeof(string)],
                2 => [typeof(int), typeof(string)],
                _ => [],
            };
            var method = type.DefineMethod($"Step{i}", MethodAttributes.Public, typeof(void), parameters);
            method.GetILGenerator().Emit(OpCodes.Ret);
            method.SetCustomAttribute(new CustomAttributeBuilder(given, [ExpressionOf(i)]));
        }

        return type.CreateType();
    }

    private static void WriteFeatures(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var random = new Random(42);
        var perFeature = Steps / Features;
        for (var f = 0; f < Features; f++)
        {
            var text = new StringBuilder($"Feature: Bench {f}\n\n");
            for (var s = 0; s < perFeature; s += 5)
            {
                text.Append("  Scenario: Scenario ").Append(s).Append('\n');
                for (var k = 0; k < 5; k++)
                {
                    text.Append("    Given ").Append(StepTextOf(random.Next(Bindings), random.Next(1, 9))).Append('\n');
                }
            }

            File.WriteAllText(Path.Combine(directory, $"bench{f:00}.feature"), text.ToString());
        }
    }
}
