using System.Reflection;
using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;

namespace DerSim.Csms;

/// <summary>
/// The smallest valid answer to a station-initiated action the reference CSMS has no business logic for
/// (NotifyEvent, SecurityEventNotification, …): required fields only, a status of "Accepted" where the
/// action has one. Built from the generated response type, so it follows the schema without a table per action.
/// </summary>
public static class MinimalResponses
{
    /// <summary>The minimal response to <paramref name="action"/>, timestamped by <paramref name="time"/>.</summary>
    public static JsonElement For(OcppAction action, IOcppActionTable table, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(time);
        var value = Build(action.ResponseType, time.GetUtcNow(), depth: 0);
        return OcppJson.SerializeToElement(value, action.ResponseType, table);
    }

    private static object Build(Type type, DateTimeOffset now, int depth)
    {
        if (depth > 8)
        {
            throw new InvalidOperationException($"{type.Name} nests too deeply for a minimal response");
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return "DerSim";
        }

        if (underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(decimal) || underlying == typeof(double))
        {
            return Convert.ChangeType(0, underlying, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (underlying == typeof(bool))
        {
            return false;
        }

        if (underlying == typeof(DateTimeOffset))
        {
            return now;
        }

        if (underlying.IsEnum)
        {
            var names = Enum.GetNames(underlying);
            return Enum.Parse(underlying, Array.Find(names, n => n == "Accepted") ?? names[0]);
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            // Required arrays in OCPP schemas carry minItems 1, so one element is the smallest valid list.
            var element = underlying.GetGenericArguments()[0];
            var array = Array.CreateInstance(element, 1);
            array.SetValue(Build(element, now, depth + 1), 0);
            return array;
        }

        var constructor = underlying.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length)
            .First();
        var arguments = constructor.GetParameters().Select(p => Build(p.ParameterType, now, depth + 1)).ToArray();
        return constructor.Invoke(arguments);
    }
}
