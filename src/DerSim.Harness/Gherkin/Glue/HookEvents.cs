using DerSim.Harness.Gherkin.Model;
using Reqnroll;
using Reqnroll.Events;

namespace DerSim.Harness.Gherkin.Glue;

/// <summary>
/// Hands Reqnroll's hook events (its execution-event publisher, one per test thread) to the run's listeners, naming the
/// scenario the test thread is running, so reporters can show each hook where it ran; and remembers which step
/// definition the thread's last step called.
/// </summary>
internal sealed class HookEvents(ListenerHub hub) : IAsyncExecutionEventListener
{
    /// <summary>The scenario the test thread runs now; null between scenarios (feature and run hooks).</summary>
    public ScenarioCase? Scenario { get; set; }

    /// <summary>"Class.Method" of the step definition the last step called; null when none was called since reset.</summary>
    public string? StepBinding { get; set; }

    /// <summary>The listener of <paramref name="runner"/>'s test thread, added to its publisher on first use.</summary>
    public static HookEvents Of(ITestRunner runner, ListenerHub hub)
    {
        var container = runner.TestThreadContext.TestThreadContainer;
        lock (container)
        {
            if (container.IsRegistered<HookEvents>())
            {
                return container.Resolve<HookEvents>();
            }

            var events = new HookEvents(hub);
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
            case HookBindingFinishedEvent finished:
                var status = finished.HookException is null ? ScenarioStatus.Passed : ReqnrollExecutor.StatusOf(finished.HookException);
                hub.Raise(nameof(IGherkinRunListener.HookFinished), l => l.HookFinished(new HookFinishedEvent(
                    finished.HookBinding.HookType, NameOf(finished.HookBinding), Scenario, status, finished.Duration, finished.HookException)));
                break;
        }

        return Task.CompletedTask;
    }

    private static string NameOf(Reqnroll.Bindings.IHookBinding hook) => $"{hook.Method.Type.Name}.{hook.Method.Name}";
}
