using System.Globalization;
using System.Reflection;
using DerSim.Harness.Gherkin.Expressions;

namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>
/// Reads [Binding] classes by reflection. A bad binding never throws here: it becomes a <see cref="BindingError"/>
/// reported when the run starts, so one typo does not hide every other scenario's result.
/// </summary>
internal static class BindingDiscovery
{
    private const BindingFlags AllMethods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static readonly HashSet<HookType> StaticHooks = [HookType.BeforeTestRun, HookType.AfterTestRun, HookType.BeforeFeature, HookType.AfterFeature];

    public static BindingRegistry Discover(IEnumerable<Assembly> assemblies, Func<MethodInfo, string?>? documentation, CultureInfo bindingCulture)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return Discover(assemblies.Distinct().SelectMany(a => LoadableTypes(a).OrderBy(t => t.FullName, StringComparer.Ordinal)), documentation, bindingCulture);
    }

    public static BindingRegistry Discover(IEnumerable<Type> types, Func<MethodInfo, string?>? documentation, CultureInfo bindingCulture)
    {
        ArgumentNullException.ThrowIfNull(types);
        var errors = new List<BindingError>();
        var parameterTypes = ParameterTypeRegistry.CreateDefault(bindingCulture);
        var methods = new List<(Type Type, MethodInfo Method)>();
        foreach (var type in types.Distinct().Where(IsBindingClass))
        {
            foreach (var method in type.GetMethods(AllMethods).Where(m => Discoverable(type, m)).OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.MetadataToken))
            {
                methods.Add((type, method));
            }
        }

        // Transformations and enums first: step expressions may name the parameter types they define.
        var transformations = new List<TransformationBinding>();
        foreach (var (type, method) in methods)
        {
            foreach (var attribute in method.GetCustomAttributes<StepArgumentTransformationAttribute>())
            {
                var binding = new TransformationBinding(type, method, attribute.Regex, attribute.Name);
                if (!Check(method.IsStatic || !type.IsAbstract, type, method, "a [StepArgumentTransformation] of a static class must be static", errors) ||
                    !Check(method.ReturnType != typeof(void), type, method, "a [StepArgumentTransformation] must return the converted value", errors))
                {
                    continue;
                }

                transformations.Add(binding);
                DefineTransformationType(binding, parameterTypes);
            }
        }

        foreach (var (_, method) in methods.Where(m => m.Method.IsDefined(typeof(StepDefinitionBaseAttribute), true)))
        {
            foreach (var parameter in method.GetParameters())
            {
                var enumType = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                if (enumType.IsEnum)
                {
                    parameterTypes.DefineType(enumType);
                }
            }
        }

        var steps = new List<StepDefinitionBinding>();
        var hooks = new List<HookBinding>();
        foreach (var (type, method) in methods)
        {
            var scopes = ScopesOf(type, method);
            foreach (var attribute in method.GetCustomAttributes<StepDefinitionBaseAttribute>())
            {
                if (StepDefinition(type, method, attribute, scopes, parameterTypes, errors) is { } definition)
                {
                    steps.Add(definition with { Documentation = documentation?.Invoke(method) });
                }
            }

            foreach (var attribute in method.GetCustomAttributes<HookAttribute>())
            {
                if (Check(method.IsStatic || !StaticHooks.Contains(attribute.Type), type, method, $"a [{attribute.Type}] hook must be static", errors) &&
                    Check(method.IsStatic || !type.IsAbstract, type, method, "a hook of a static class must be static", errors))
                {
                    hooks.Add(new HookBinding(attribute.Type, type, method, [.. attribute.Tags.Select(StripAt)], attribute.Order, scopes));
                }
            }
        }

        return new BindingRegistry(steps, hooks, transformations, errors, parameterTypes);
    }

    private static StepDefinitionBinding? StepDefinition(
        Type type,
        MethodInfo method,
        StepDefinitionBaseAttribute attribute,
        IReadOnlyList<BindingScope> scopes,
        ParameterTypeRegistry parameterTypes,
        List<BindingError> errors)
    {
        if (!Check(method.IsStatic || !type.IsAbstract, type, method, "a step definition of a static class must be static", errors))
        {
            return null;
        }

        CultureInfo? culture;
        try
        {
            culture = BindingRegistry.CultureOf(attribute.Culture);
        }
        catch (CultureNotFoundException ex)
        {
            errors.Add(new BindingError(MethodDisplay.Of(method, type), $"unknown culture '{attribute.Culture}': {ex.Message}"));
            return null;
        }

        IStepExpression expression;
        try
        {
            // The attribute's culture decides what {float} and {decimal} match too ("0,35" under de-DE), not only how they convert.
            expression = attribute.Expression is null
                ? MethodNameExpression.Derive(method, LastParameterIsBlock(method))
                : StepExpressionFactory.Create(attribute.Expression, culture is null ? parameterTypes : parameterTypes.WithCulture(culture));
        }
        catch (StepExpressionException ex)
        {
            errors.Add(new BindingError(MethodDisplay.Of(method, type), ex.Message));
            return null;
        }

        return new StepDefinitionBinding([.. attribute.Types.Distinct()], expression, type, method, scopes, culture, attribute.Expression is null);
    }

    private static void DefineTransformationType(TransformationBinding binding, ParameterTypeRegistry parameterTypes)
    {
        var parameters = binding.Method.GetParameters();
        var takesText = parameters.Length > 0 && parameters.All(p => p.ParameterType == typeof(string));
        if (!takesText)
        {
            return; // A table transformation converts table arguments only; Cucumber expressions cannot name it.
        }

        // Names already taken are left alone: built-in types win over transformations named like them, the first transformation over later ones.
        var regex = binding.Regex?.TrimStart('^').TrimEnd('$');
        parameterTypes.DefineType(binding.Method.ReturnType, binding.Name, regex is null ? null : [regex]);
    }

    private static bool LastParameterIsBlock(MethodInfo method)
    {
        var parameters = method.GetParameters();
        if (parameters.Length == 0)
        {
            return false;
        }

        var last = parameters[^1].ParameterType;
        return typeof(Table).IsAssignableFrom(last);
    }

    private static List<BindingScope> ScopesOf(Type type, MethodInfo method)
    {
        var scopes = method.GetCustomAttributes<ScopeAttribute>().ToList();
        if (scopes.Count == 0)
        {
            scopes = [.. type.GetCustomAttributes<ScopeAttribute>(true)];
        }

        return [.. scopes.Select(s => new BindingScope(s.Tag is null ? null : StripAt(s.Tag), s.Feature, s.Scenario))];
    }

    private static bool Check(bool condition, Type type, MethodInfo method, string message, List<BindingError> errors)
    {
        if (!condition)
        {
            errors.Add(new BindingError(MethodDisplay.Of(method, type), message));
        }

        return condition;
    }

    private static string StripAt(string tag) => tag.StartsWith('@') ? tag[1..] : tag;

    private static bool IsBindingClass(Type type) =>
        type.IsClass && !type.ContainsGenericParameters && type.IsDefined(typeof(BindingAttribute), true) &&

        // Abstract (non-static) classes are discovered through their concrete subclasses.
        (!type.IsAbstract || type.IsSealed);

    private static bool Discoverable(Type type, MethodInfo method)
    {
        if (method.DeclaringType == typeof(object) || method.IsSpecialName)
        {
            return false;
        }

        // A concrete [Binding] base class is discovered on its own; listing its methods again would duplicate them.
        var declaring = method.DeclaringType!;
        return declaring == type || !IsBindingClass(declaring);
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }
}
