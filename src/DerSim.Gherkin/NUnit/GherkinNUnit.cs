using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using DerSim.Gherkin.Configuration;
using DerSim.Gherkin.Model;
using NUnit.Framework;
using NUnit.Framework.Internal;

using Reqnroll.Configuration;

namespace DerSim.Gherkin.NUnit;

/// <summary>
/// Runs scenarios for NUnit: holds the process-wide <see cref="IScenarioExecutor"/> (created on first use from the
/// test assembly and the reqnroll.json beside it) and turns each <see cref="ScenarioResult"/> into an NUnit outcome.
/// </summary>
public static class GherkinNUnit
{
    private static readonly Lock Gate = new();
    private static readonly ConcurrentDictionary<string, ReqnrollConfig> Configs = new(StringComparer.Ordinal);
    private static IScenarioExecutor? executor;
    private static ReqnrollConfig? executorConfig;

    /// <summary>
    /// Creates the process-wide executor from the test assembly and its configuration. The default is a
    /// <see cref="Glue.ReqnrollExecutor"/> over the test assembly and reqnroll.json's <c>bindingAssemblies</c>; set to null,
    /// running a scenario without <see cref="UseExecutor"/> fails clearly.
    /// </summary>
    public static Func<Assembly, ReqnrollConfig, IScenarioExecutor>? ExecutorFactory { get; set; } = (assembly, config) =>
        new Glue.ReqnrollExecutor(assembly, config);

    /// <summary>Replaces the process-wide executor (tests); <paramref name="config"/> defaults to <see cref="ReqnrollConfig.Default"/>.</summary>
    public static void UseExecutor(IScenarioExecutor scenarioExecutor, ReqnrollConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(scenarioExecutor);
        lock (Gate)
        {
            executor = scenarioExecutor;
            executorConfig = config ?? ReqnrollConfig.Default;
        }
    }

    /// <summary>Forgets the process-wide executor without ending its run (tests).</summary>
    public static void ResetExecutor()
    {
        lock (Gate)
        {
            executor = null;
            executorConfig = null;
        }
    }

    /// <summary>Runs one scenario on the process-wide executor and reports its outcome to NUnit.</summary>
    public static Task RunAsync(ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var (current, config) = GetOrCreateExecutor();
        return RunAsync(scenario, current, config);
    }

    /// <summary>
    /// Runs one scenario on <paramref name="scenarioExecutor"/> and reports its outcome to NUnit: passed → the step
    /// log; failed and ambiguous → <see cref="Assert.Fail(string)"/>; broken → <see cref="GherkinScenarioException"/>
    /// (NUnit: error); undefined and pending → per <see cref="ReqnrollConfig.MissingOrPendingStepsOutcome"/>; not
    /// applicable and skipped → ignored.
    /// </summary>
    public static async Task RunAsync(ScenarioCase scenario, IScenarioExecutor scenarioExecutor, ReqnrollConfig config)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(scenarioExecutor);
        ArgumentNullException.ThrowIfNull(config);
        var result = await scenarioExecutor.RunAsync(scenario, TestContext.CurrentContext.CancellationToken);
        TestContext.Out.Write(StepLog(result));
        Report(result, config);
    }

    /// <summary>Ends the run of the process-wide executor, if one was created or set; later runs start a new one.</summary>
    public static async Task EndRunAsync()
    {
        IScenarioExecutor? ending;
        lock (Gate)
        {
            ending = executor;
            executor = null;
            executorConfig = null;
        }

        if (ending is not null)
        {
            await ending.EndRunAsync();
        }
    }

    /// <summary>The reqnroll.json in <paramref name="directory"/> (defaults when absent), read once per folder.</summary>
    /// <exception cref="ReqnrollConfigException">The file is invalid.</exception>
    public static ReqnrollConfig ConfigFor(string directory) =>
        Configs.GetOrAdd(Path.GetFullPath(directory), d => ReqnrollConfig.Load(Path.Combine(d, "reqnroll.json")));

    /// <summary>The text written to the test output: every step with its status, then the error's details.</summary>
    public static string StepLog(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var log = new StringBuilder();
        log.Append(result.Scenario.TestName).Append(" (").Append(result.Scenario.Feature.DisplayPath).Append(':')
            .Append(result.Scenario.Line).Append("): ").Append(result.Status).Append('\n');
        foreach (var step in result.Steps)
        {
            log.Append("  ").Append(step.Status.ToString().ToLowerInvariant().PadRight(13)).Append(step.Step.Keyword)
                .Append(' ').Append(step.Step.Text).Append("  [line ").Append(step.Step.Line).Append(']');
            if (step.Duration > TimeSpan.Zero)
            {
                log.Append(" (").Append((long)step.Duration.TotalMilliseconds).Append(" ms)");
            }

            log.Append('\n');
            if (step.Error is not null && step.Status != ScenarioStatus.Passed)
            {
                log.Append("      ").Append(step.Error.Message.ReplaceLineEndings("\n      ")).Append('\n');
            }
        }

        return log.ToString();
    }

    private static void Report(ScenarioResult result, ReqnrollConfig config)
    {
        var message = string.IsNullOrEmpty(result.Message)
            ? $"{result.Scenario.Feature.DisplayPath}:{result.Scenario.Line}: {result.Status}"
            : result.Message;
        switch (result.Status)
        {
            case ScenarioStatus.Passed:
                return;
            case ScenarioStatus.Failed:
            case ScenarioStatus.Ambiguous:
                Assert.Fail(WithOriginalStack(message, result.Error));
                return;
            case ScenarioStatus.Broken:
                throw new GherkinScenarioException(message, result.Error);
            case ScenarioStatus.Undefined:
            case ScenarioStatus.Pending:
                ReportMissingOrPending(message, config.MissingOrPendingStepsOutcome);
                return;
            case ScenarioStatus.NotApplicable:
                Assert.Ignore("not applicable: " + message);
                return;
            case ScenarioStatus.Inconclusive:
                Assert.Inconclusive(message);
                return;
            default:
                Assert.Ignore(message);
                return;
        }
    }

    private static void ReportMissingOrPending(string message, MissingOrPendingStepsOutcome outcome)
    {
        switch (outcome)
        {
            case MissingOrPendingStepsOutcome.Ignore:
                Assert.Ignore(message);
                break;
            case MissingOrPendingStepsOutcome.Error:
                Assert.Fail(message);
                break;
            default:
                Assert.Inconclusive(message);
                break;
        }
    }

    private static string WithOriginalStack(string message, Exception? error) =>
        error?.StackTrace is { } stack
            ? $"{message}\n--- {error.GetType().FullName} ---\n{stack}"
            : message;

    private static (IScenarioExecutor Executor, ReqnrollConfig Config) GetOrCreateExecutor()
    {
        lock (Gate)
        {
            if (executor is not null)
            {
                return (executor, executorConfig ?? ReqnrollConfig.Default);
            }

            var assembly = TestExecutionContext.CurrentContext.CurrentTest.TypeInfo?.Assembly
                ?? throw new InvalidOperationException("GherkinNUnit.RunAsync must be called from an NUnit test method.");
            var factory = ExecutorFactory ?? throw new InvalidOperationException(
                "No scenario executor: set GherkinNUnit.ExecutorFactory (a ReqnrollExecutor) "
                + "or call GherkinNUnit.UseExecutor(...) before running scenarios.");
            var config = ConfigFor(DirectoryOf(assembly));
            executor = factory(assembly, config);
            executorConfig = config;
            return (executor, config);
        }
    }

    internal static string DirectoryOf(Assembly assembly) =>
        string.IsNullOrEmpty(assembly.Location) ? AppContext.BaseDirectory : Path.GetDirectoryName(assembly.Location)!;
}
