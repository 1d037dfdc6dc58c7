using DerSim.Harness.Configuration.Loading;
using DerSim.Gherkin.Configuration;
using DerSim.Gherkin.Glue;

namespace DerSim.Harness.Cli;

/// <summary>The reqnroll.json and the Reqnroll runtime the <c>dersim</c> commands share (DerSim's own assembly is the test assembly).</summary>
internal sealed record GherkinSetup(ReqnrollConfig Config)
{
    /// <summary>Loads reqnroll.json (working directory, else the repository root).</summary>
    /// <exception cref="ReqnrollConfigException">The file is invalid.</exception>
    public static GherkinSetup Load()
    {
        var config = ReqnrollConfig.Load(DerSimConfig.Locate());
        foreach (var warning in config.Warnings)
        {
            Console.Error.WriteLine($"warning: {warning}");
        }

        return new GherkinSetup(config);
    }

    /// <summary>A run of DerSim's steps and the <c>bindingAssemblies</c> on the real Reqnroll runtime.</summary>
    public ReqnrollExecutor Executor(IReadOnlyList<IGherkinRunListener> listeners) =>
        new(typeof(GherkinSetup).Assembly, Config) { Listeners = listeners };

    /// <summary>Reqnroll's bindings and step matcher, nothing run.</summary>
    /// <exception cref="ReqnrollBindingsException">A <c>bindingAssemblies</c> entry cannot be found.</exception>
    public DryRun Bindings() => DryRun.Of(typeof(GherkinSetup).Assembly, Config);

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
