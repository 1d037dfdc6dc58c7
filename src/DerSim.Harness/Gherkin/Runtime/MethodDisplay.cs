using System.Reflection;

namespace DerSim.Harness.Gherkin.Runtime;

/// <summary>Names methods the way error messages and catalogues show them: "Class.Method(int, Table)".</summary>
internal static class MethodDisplay
{
    public static string Of(MethodInfo method, Type? reflectedType = null)
    {
        var type = reflectedType ?? method.DeclaringType;
        var parameters = string.Join(", ", method.GetParameters().Select(p => TypeName(p.ParameterType)));
        return $"{type?.Name}.{method.Name}({parameters})";
    }

    public static string TypeName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return TypeName(inner) + "?";
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Int32 => "int",
            TypeCode.Int64 => "long",
            TypeCode.Double => "double",
            TypeCode.Single => "float",
            TypeCode.Decimal => "decimal",
            TypeCode.String => "string",
            TypeCode.Boolean => "bool",
            _ => type.Name,
        };
    }
}
