using System.Reflection;
using BoDi;

namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>Calls binding methods: on the scenario's instance of their class (or statically), awaiting async ones.</summary>
internal static class BindingInvoker
{
    /// <summary>The instance <paramref name="method"/> runs on: created by <paramref name="container"/> on first use.</summary>
    public static object? InstanceFor(MethodInfo method, Type bindingType, IObjectContainer container) =>
        method.IsStatic ? null : Resolve(container, bindingType);

    /// <summary>Runs <paramref name="method"/>; the exception it throws is rethrown as is, not wrapped.</summary>
    public static async Task<object?> InvokeAsync(MethodInfo method, object? instance, object?[] arguments)
    {
        var result = method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, arguments, null);
        switch (result)
        {
            case Task task:
                await task.ConfigureAwait(false);
                return TaskResult(task);
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                return null;
            case not null when result.GetType().IsGenericType && result.GetType().GetGenericTypeDefinition() == typeof(ValueTask<>):
                var asTask = (Task)result.GetType().GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(result, null)!;
                await asTask.ConfigureAwait(false);
                return TaskResult(asTask);
            default:
                return result;
        }
    }

    /// <summary>Arguments for a hook: each parameter resolved from the container (contexts, drivers…).</summary>
    public static object?[] HookArguments(MethodInfo method, IObjectContainer container, ScenarioStepContext? stepContext) =>
        [.. method.GetParameters().Select(p => p.ParameterType == typeof(ScenarioStepContext) && stepContext is not null ? stepContext : Resolve(container, p.ParameterType))];

    /// <summary>
    /// Resolves <paramref name="type"/>; a constructor that throws surfaces with its own exception and message, not as
    /// the TargetInvocationException reflection wraps it in, so the step's failure says what went wrong.
    /// </summary>
    private static object Resolve(IObjectContainer container, Type type)
    {
        try
        {
            return container.Resolve(type);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    private static object? TaskResult(Task task)
    {
        var type = task.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        // Task<VoidTaskResult> from async methods declared as Task has a Result too; it carries nothing.
        var result = type.GetProperty(nameof(Task<int>.Result))?.GetValue(task);
        return result?.GetType().Name == "VoidTaskResult" ? null : result;
    }
}
