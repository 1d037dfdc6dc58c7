using System.Reflection;
using DerSim.Gherkin.Configuration;
using Reqnroll;
using Reqnroll.BoDi;
using Reqnroll.Configuration;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace DerSim.Gherkin.Glue;

/// <summary>
/// Reqnroll's own container builder with what a generator-less host must supply: a unit-test runtime provider
/// (pending, inconclusive and ignore become exceptions the glue classifies), an attachment handler, a trace listener
/// that writes to the run's log instead of the console, and the reqnroll.json the run was given.
/// </summary>
internal sealed class DerSimContainerBuilder(ReqnrollConfig? config, TextWriter? log) : IContainerBuilder
{
    private readonly ContainerBuilder _inner = new(new Defaults(config?.FilePath is { } path ? Path.GetFullPath(path) : null, log));

    /// <summary>Reqnroll's global container; its configuration comes from DerSim's reader of the same reqnroll.json when one was given.</summary>
    public IObjectContainer CreateGlobalContainer(Assembly testAssembly, IRuntimeConfigurationProvider? configurationProvider = null)
    {
        // A conformance run does not call out: Reqnroll's telemetry is off unless the user turned it on.
        if (Environment.GetEnvironmentVariable("REQNROLL_TELEMETRY_ENABLED") is null)
        {
            Environment.SetEnvironmentVariable("REQNROLL_TELEMETRY_ENABLED", "0");
        }

        return _inner.CreateGlobalContainer(testAssembly, configurationProvider ?? (config is null ? null : new Provider(config, testAssembly.GetName().Name)));
    }

    public IObjectContainer CreateTestThreadContainer(IObjectContainer globalContainer) => _inner.CreateTestThreadContainer(globalContainer);

    public IObjectContainer CreateScenarioContainer(IObjectContainer testThreadContainer, global::Reqnroll.ScenarioInfo scenarioInfo) =>
        _inner.CreateScenarioContainer(testThreadContainer, scenarioInfo);

    public IObjectContainer CreateFeatureContainer(IObjectContainer testThreadContainer, global::Reqnroll.FeatureInfo featureInfo) =>
        _inner.CreateFeatureContainer(testThreadContainer, featureInfo);

    private sealed class Defaults(string? configFile, TextWriter? log) : DefaultDependencyProvider
    {
        public override void RegisterGlobalContainerDefaults(ObjectContainer container)
        {
            base.RegisterGlobalContainerDefaults(container);
            // Reqnroll picks a provider by the test framework it sees referenced ("nunit" here); whichever it picks is ours.
            var provider = new RuntimeProvider();
            container.RegisterInstanceAs<IUnitTestRuntimeProvider>(provider);
            foreach (var name in new[] { "nunit", "xunit", "xunit3", "mstest", "tunit" })
            {
                container.RegisterInstanceAs<IUnitTestRuntimeProvider>(provider, name);
            }

            container.RegisterInstanceAs<IReqnrollAttachmentHandler>(new AttachmentHandler());
            container.RegisterInstanceAs<ITraceListener>(new LogTraceListener(log));
            if (configFile is not null)
            {
                container.RegisterInstanceAs<IReqnrollJsonLocator>(new JsonLocator(configFile));
            }

            container.RegisterInstanceAs<IBindingAssemblyLoader>(new AssemblyLoader(configFile));
        }
    }

    /// <summary>Reqnroll's verdicts outside a step's own exception, as exceptions the glue's classifier knows.</summary>
    private sealed class RuntimeProvider : IUnitTestRuntimeProvider
    {
        public void TestPending(string message) => throw new ReqnrollOutcomeException(Model.ScenarioStatus.Pending, message);

        public void TestInconclusive(string message) => throw new ReqnrollOutcomeException(Model.ScenarioStatus.Pending, message);

        public void TestIgnore(string message) => throw new ReqnrollOutcomeException(Model.ScenarioStatus.Skipped, message);

        // NOT APPLICABLE and INCONCLUSIVE are skips in Reqnroll's model (and in its Cucumber reports), not errors.
        public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) =>
            exception is NotApplicableException or ScenarioInconclusiveException ? ScenarioExecutionStatus.Skipped : null;
    }

    private sealed class AttachmentHandler : IReqnrollAttachmentHandler
    {
        public void AddAttachment(string filePath)
        {
            // Files a binding attaches through IReqnrollOutputHelper stay where they are; the reports name them.
        }
    }

    private sealed class LogTraceListener(TextWriter? log) : ITraceListener
    {
        private readonly Lock _gate = new();

        public void WriteTestOutput(string message) => Write(message);

        public void WriteToolOutput(string message) => Write(message);

        private void Write(string message)
        {
            if (log is null)
            {
                return;
            }

            lock (_gate)
            {
                log.WriteLine(message);
            }
        }
    }

    /// <summary>
    /// A <c>bindingAssemblies</c> entry by assembly name (already loaded, or beside the test assembly as Reqnroll looks),
    /// or as a file relative to the reqnroll.json's folder or the application's; a missing one says where it looked.
    /// </summary>
    private sealed class AssemblyLoader(string? configFile) : IBindingAssemblyLoader
    {
        public Assembly Load(string assemblyName)
        {
            var name = NameOf(assemblyName);
            var file = assemblyName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? assemblyName : assemblyName + ".dll";
            if (AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase)) is { } loaded)
            {
                return loaded;
            }

            var candidates = new List<string>();
            if (configFile is not null && Path.GetDirectoryName(configFile) is { Length: > 0 } folder)
            {
                candidates.Add(Path.GetFullPath(Path.Combine(folder, file)));
            }

            candidates.Add(Path.Combine(AppContext.BaseDirectory, file));
            if (candidates.FirstOrDefault(File.Exists) is { } path)
            {
                return Assembly.LoadFrom(path);
            }

            try
            {
                return Assembly.Load(new AssemblyName(name));
            }
            catch (FileNotFoundException)
            {
                throw new ReqnrollBindingsException(
                    $"{configFile ?? "reqnroll.json"}: bindingAssemblies entry \"{assemblyName}\" not found; looked in {string.Join(", ", candidates.Distinct())}");
            }
        }
    }

    /// <summary>
    /// The run's configuration from DerSim's reader. A <c>bindingAssemblies</c> entry naming the test assembly itself
    /// (DerSim's reqnroll.json names <c>dersim</c>, which is also the test assembly of <c>dersim run</c>) is dropped:
    /// Reqnroll would register every binding of it twice.
    /// </summary>
    private sealed class Provider(ReqnrollConfig config, string? testAssembly) : IRuntimeConfigurationProvider
    {
        public ReqnrollConfiguration LoadConfiguration(ReqnrollConfiguration reqnrollConfiguration)
        {
            var configuration = config.ToReqnroll();
            configuration.AdditionalStepAssemblies.RemoveAll(a => string.Equals(NameOf(a), testAssembly, StringComparison.OrdinalIgnoreCase));
            return configuration;
        }
    }

    /// <summary>The assembly name a <c>bindingAssemblies</c> entry means: "Steps", "Steps.dll" and "lib/Steps.dll" all mean "Steps".</summary>
    private static string NameOf(string entry) =>
        entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? Path.GetFileNameWithoutExtension(entry) : Path.GetFileName(entry);

    private sealed class JsonLocator(string path) : IReqnrollJsonLocator
    {
        public string GetReqnrollJsonFilePath() => path;
    }
}

/// <summary>A verdict Reqnroll hands the unit-test provider (pending, inconclusive, ignored).</summary>
public sealed class ReqnrollOutcomeException(Model.ScenarioStatus status, string message) : Exception(message)
{
    /// <summary>The status it stands for.</summary>
    public Model.ScenarioStatus Status { get; } = status;
}

/// <summary>
/// The run cannot start because of its bindings: a <c>bindingAssemblies</c> entry of reqnroll.json names an assembly
/// that cannot be found, or the bindings Reqnroll found do not fit together (<see cref="BindingErrors"/>).
/// </summary>
public sealed class ReqnrollBindingsException(string message) : Exception(message);
