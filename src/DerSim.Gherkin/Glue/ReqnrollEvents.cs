using DerSim.Gherkin.Model;
using Reqnroll;
using Reqnroll.Events;

namespace DerSim.Gherkin.Glue;

/// <summary>
/// Reqnroll's execution events (its publisher, one per test thread) for the run's listeners: each hook's end, named
/// with the DerSim scenario it ran for (the <see cref="ScenarioRecording"/> in the scenario's context), and the step
/// definition each step called. Step results are taken by the glue when the step call returns: Reqnroll publishes its
/// StepFinished event before the AfterStep hooks run, and what those hooks attach belongs to the step.
/// </summary>
internal sealed class ReqnrollEvents(ListenerHub hub) : IAsyncExecutionEventListener
{
    /// <summary>"Class.Method" of the step definition the thread's last step called; null when none was called since reset.</summary>
    public string? StepBinding { get; set; }

    /// <summary>The listener of <paramref name="runner"/>'s test thread, added to its publisher on first use.</summary>
    public static ReqnrollEvents Of(ITestRunner runner, ListenerHub hub)
    {
        var container = runner.TestThreadContext.TestThreadContainer;
        lock (container)
        {
            if (container.IsRegistered<ReqnrollEvents>())
            {
                return container.Resolve<ReqnrollEvents>();
            }

            var events = new ReqnrollEvents(hub);
            container.RegisterInstanceAs(events);
            container.Resolve<ITestThreadExecutionEventPublisher>().AddListener(events);
            return events;
        }
    }

    public Task OnEventAsync(IExecutionEvent executionEvent)
    {
        switch (executionEvent)
        {
            case StepBindingStartedEvent step:
                StepBinding = $"{step.StepDefinitionBinding.Method.Type.Name}.{step.StepDefinitionBinding.Method.Name}";
                break;
            case HookBindingFinishedEvent hook:
                var scenario = ScenarioRecording.Of(hook.ContextManager.ScenarioContext as ScenarioContext)?.Scenario;
                var status = hook.HookException is null ? ScenarioStatus.Passed : ReqnrollExecutor.StatusOf(hook.HookException);
                var name = $"{hook.HookBinding.Method.Type.Name}.{hook.HookBinding.Method.Name}";
                hub.Raise(nameof(IGherkinRunListener.HookFinished), l => l.HookFinished(new HookFinishedEvent(
                    hook.HookBinding.HookType, name, scenario, status, hook.Duration, hook.HookException)));
                break;
        }

        return Task.CompletedTask;
    }
}
