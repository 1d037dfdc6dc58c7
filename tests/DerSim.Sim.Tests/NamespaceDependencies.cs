using System.Reflection;
using System.Reflection.Emit;

namespace DerSim.Sim.Tests;

/// <summary>
/// Which namespaces of one assembly use which others, read from the compiled code rather than the source text (which
/// names types in comments and strings too): base types, member signatures, attributes, and every type, method and
/// field the method bodies name. Compiler-generated types (lambdas, async state machines) are nested in the type whose
/// code they hold, so they count for its namespace.
/// </summary>
internal static class NamespaceDependencies
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>
    /// For each namespace of <paramref name="assembly"/> under <paramref name="root"/>, the other namespaces under it
    /// that it uses, each with one use as evidence ("Type → Type").
    /// </summary>
    public static Dictionary<string, Dictionary<string, string>> Of(Assembly assembly, string root)
    {
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            if (!IsUnder(type.Namespace, root))
            {
                continue;
            }

            var from = type.Namespace!;
            foreach (var used in TypesUsedBy(type))
            {
                if (used.Namespace is { } to && to != from && IsUnder(to, root))
                {
                    var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = new(StringComparer.Ordinal);
                    edges.TryAdd(to, $"{type.FullName} → {used.FullName}");
                }
            }
        }

        return graph;
    }

    /// <summary>The namespace cycles of <paramref name="graph"/>, each as its path back to its start.</summary>
    public static List<List<string>> Cycles(Dictionary<string, Dictionary<string, string>> graph)
    {
        var cycles = new List<List<string>>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        void Visit(string node)
        {
            if (path.IndexOf(node) is var at and >= 0)
            {
                cycles.Add([.. path.Skip(at), node]);
                return;
            }

            if (!done.Add(node))
            {
                return;
            }

            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node)?.Keys.Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>())
            {
                Visit(next);
            }

            path.RemoveAt(path.Count - 1);
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            Visit(node);
        }

        return cycles;
    }

    private static bool IsUnder(string? ns, string root) =>
        ns is not null && (ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal));

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        var direct = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            direct.Add(baseType);
        }

        direct.AddRange(type.GetInterfaces());
        direct.AddRange(AttributeTypes(type.GetCustomAttributesData()));
        foreach (var field in type.GetFields(Declared))
        {
            direct.Add(field.FieldType);
            direct.AddRange(AttributeTypes(field.GetCustomAttributesData()));
        }

        foreach (var property in type.GetProperties(Declared))
        {
            direct.Add(property.PropertyType);
            direct.AddRange(AttributeTypes(property.GetCustomAttributesData()));
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                direct.Add(info.ReturnType);
            }

            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
            direct.AddRange(AttributeTypes(method.GetCustomAttributesData()));
            direct.AddRange(BodyTypes(method));
        }

        return direct.SelectMany(Flatten);
    }

    private static IEnumerable<Type> AttributeTypes(IEnumerable<CustomAttributeData> attributes) =>
        attributes.SelectMany(a => a.ConstructorArguments.Concat(a.NamedArguments.Select(n => n.TypedValue))
            .Select(arg => arg.Value as Type)
            .OfType<Type>()
            .Append(a.AttributeType));

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var inner in Flatten(type.GetElementType()!))
            {
                yield return inner;
            }

            yield break;
        }

        yield return type.IsConstructedGenericType ? type.GetGenericTypeDefinition() : type;
        foreach (var argument in type.IsConstructedGenericType ? type.GetGenericArguments() : [])
        {
            foreach (var inner in Flatten(argument))
            {
                yield return inner;
            }
        }
    }

    // The operands of the IL instructions that name a type, method or field (ECMA-335 §III).
    private static IEnumerable<Type> BodyTypes(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? OpCodesByValue[unchecked((short)(0xFE00 | il[i + 1]))] : OpCodesByValue[il[i]];
            i += code.Size;
            switch (code.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments);
                    if (member is Type named)
                    {
                        yield return named;
                    }
                    else if (member?.DeclaringType is { } owner)
                    {
                        yield return owner;
                        if (member is MethodInfo { IsGenericMethod: true } generic)
                        {
                            foreach (var argument in generic.GetGenericArguments())
                            {
                                yield return argument;
                            }
                        }
                    }

                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.ShortInlineR or OperandType.InlineSig or OperandType.InlineString:
                    i += 4;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
            }
        }
    }
}
