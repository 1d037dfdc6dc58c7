using DerSim.Harness.Configuration;
using DerSim.Harness.Gherkin.Configuration;
using DerSim.Harness.Gherkin.Hosting;
using DerSim.Harness.Gherkin.Runtime;

namespace DerSim.Harness.Cli;

/// <summary>The reqnroll.json, bindings and registry the <c>dersim</c> commands share.</summary>
internal sealed record GherkinSetup(ReqnrollConfig Config, BindingRegistry Registry, GherkinRunOptions Options, IReadOnlyList<System.Reflection.Assembly> Assemblies)
{
    /// <summary>Loads reqnroll.json (working directory, else the repository root) and discovers the bindings.</summary>
    /// <exception cref="ReqnrollConfigException">The file is invalid or names a missing binding assembly.</exception>
    public static GherkinSetup Load()
    {
        var config = ReqnrollConfig.Load(DerSimConfig.Locate());
        foreach (var warning in config.Warnings)
        {
            Console.Error.WriteLine($"warning: {warning}");
        }

        var assemblies = GherkinHost.BindingAssemblies(typeof(GherkinSetup).Assembly, config);
        var options = GherkinHost.Options(config, assemblies);
        var registry = BindingRegistry.Discover(assemblies, options.Documentation, options.BindingCulture);
        return new GherkinSetup(config, registry, options, assemblies);
    }

    /// <summary>The repository root <c>./dersim</c> was started from (DERSIM_ROOT), else the working directory.</summary>
    public static string Root() => Environment.GetEnvironmentVariable("DERSIM_ROOT") is { Length: > 0 } root ? root : Directory.GetCurrentDirectory();

    /// <summary>Feature paths as given, or the repository's <c>features</c> folder.</summary>
    public static IReadOnlyList<string> FeaturePaths(string[]? given)
    {
        if (given is { Length: > 0 })
        {
            return given;
        }

        var here = Path.Combine(Directory.GetCurrentDirectory(), "features");
        return Directory.Exists(here) || Environment.GetEnvironmentVariable("DERSIM_ROOT") is not { Length: > 0 } root
            ? [here]
            : [Path.Combine(root, "features")];
    }
}
