using System.Globalization;
using System.Reflection;
using DerSim.Harness.Gherkin.Catalogue;
using DerSim.Harness.Gherkin.Configuration;
using DerSim.Harness.Gherkin.Runtime;

namespace DerSim.Harness.Gherkin.Hosting;

/// <summary>
/// Turns a <c>reqnroll.json</c> into what the runtime needs: the binding assemblies (the caller's own plus
/// <c>bindingAssemblies</c>), the run options and the step documentation. Shared by the NUnit glue and the
/// <c>dersim</c> commands so both see the same bindings.
/// </summary>
public static class GherkinHost
{
    /// <summary>
    /// <paramref name="main"/> plus every <c>bindingAssemblies</c> entry, loaded by assembly name, or as a path
    /// relative to the configuration file's folder or to <paramref name="main"/>'s folder.
    /// </summary>
    /// <exception cref="ReqnrollConfigException">An entry names an assembly that cannot be found.</exception>
    public static IReadOnlyList<Assembly> BindingAssemblies(Assembly main, ReqnrollConfig config)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(config);
        var assemblies = new List<Assembly> { main };
        foreach (var entry in config.BindingAssemblies)
        {
            var loaded = Load(entry, main, config);
            if (!assemblies.Contains(loaded))
            {
                assemblies.Add(loaded);
            }
        }

        return assemblies;
    }

    /// <summary>The runner options <paramref name="config"/> asks for, reading step docs from the assemblies' XML files.</summary>
    public static GherkinRunOptions Options(ReqnrollConfig config, IReadOnlyList<Assembly> assemblies, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var docs = assemblies.ToDictionary(a => a, XmlDocumentation.For);
        return new GherkinRunOptions
        {
            BindingCulture = CultureOf(config.EffectiveBindingCulture),
            FeatureLanguage = config.FeatureLanguage,
            MissingOrPendingStepsOutcome = config.MissingOrPendingStepsOutcome,
            StopAtFirstError = config.StopAtFirstError,
            Log = log,
            Documentation = m => docs.TryGetValue(m.DeclaringType!.Assembly, out var doc) ? doc.Summary(m) : null,
        };
    }

    /// <summary>The culture named <paramref name="name"/>, or the invariant culture when there is none by that name.</summary>
    internal static CultureInfo CultureOf(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    private static Assembly Load(string entry, Assembly main, ReqnrollConfig config)
    {
        var candidates = new List<string>();
        var file = entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? entry : entry + ".dll";
        if (config.FilePath is { } configPath && Path.GetDirectoryName(Path.GetFullPath(configPath)) is { } configDirectory)
        {
            candidates.Add(Path.Combine(configDirectory, file));
        }

        if (Path.GetDirectoryName(main.Location) is { Length: > 0 } mainDirectory)
        {
            candidates.Add(Path.Combine(mainDirectory, file));
        }

        candidates.Add(Path.Combine(AppContext.BaseDirectory, file));
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => string.Equals(a.GetName().Name, Path.GetFileNameWithoutExtension(file), StringComparison.OrdinalIgnoreCase));
        if (loaded is not null)
        {
            return loaded;
        }

        foreach (var candidate in candidates.Where(File.Exists))
        {
            return Assembly.LoadFrom(candidate);
        }

        try
        {
            return Assembly.Load(new AssemblyName(Path.GetFileNameWithoutExtension(file)));
        }
        catch (FileNotFoundException)
        {
            throw new ReqnrollConfigException(
                $"{config.FilePath ?? "reqnroll.json"}: bindingAssemblies entry \"{entry}\" not found; looked in {string.Join(", ", candidates.Distinct())}");
        }
    }
}
