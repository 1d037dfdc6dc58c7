using System.Reflection;
using System.Text.Json.Serialization;

namespace DerSim.Sim.Profiles;

/// <summary>The JSON spelling of enum members, for error messages that must quote the file's vocabulary.</summary>
internal static class EnumJsonNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var field = typeof(TEnum).GetField(name, BindingFlags.Public | BindingFlags.Static);
        return field?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? name;
    }

    public static IEnumerable<string> All(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name);
}
