using System.Collections;
using System.Reflection;
using DerSim.Sim.Ocpp;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// The actions the Http driver knows and the placeholders each provides, read from the code itself: every public
/// factory of <see cref="CsmsCommand"/> is called for every OCPP version, once with only its required arguments and
/// once with all, and the resulting <see cref="CsmsCommand.TemplateName"/>, <see cref="CsmsCommand.OcppAction"/> and
/// <see cref="CsmsCommand.Placeholders"/> are listed. A new factory or placeholder shows up here with no list to update.
/// </summary>
public static class CsmsActionCatalogue
{
    /// <summary>The placeholder every action has when a base URL is set.</summary>
    public const string BaseUrl = "baseUrl";

    private static readonly Lazy<IReadOnlyList<CsmsActionEntry>> Catalogue = new(Build);

    /// <summary>Every action, in <see cref="CsmsActionKind"/> order.</summary>
    public static IReadOnlyList<CsmsActionEntry> Entries => Catalogue.Value;

    /// <summary>The entry named <paramref name="name"/>, or null.</summary>
    public static CsmsActionEntry? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);

    private static List<CsmsActionEntry> Build()
    {
        var factories = typeof(CsmsCommand).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(CsmsCommand));
        var entries = new List<CsmsActionEntry>();
        foreach (var factory in factories)
        {
            var full = OcppVersions.All.ToDictionary(v => v, v => Call(factory, v, all: true));
            var minimal = OcppVersions.All.ToDictionary(v => v, v => Call(factory, v, all: false));
            var supported = OcppVersions.All.Where(v => full[v].OcppAction is not null).ToList();
            var everywhere = supported.Select(v => minimal[v].Placeholders().Keys).Aggregate((IEnumerable<string>?)null, (a, b) => a is null ? b : a.Intersect(b)) ?? [];
            var any = supported.SelectMany(v => full[v].Placeholders().Keys).Distinct();
            var first = full[OcppVersion.V16];
            entries.Add(new CsmsActionEntry(
                first.TemplateName,
                first.Kind,
                OcppVersions.All.ToDictionary(v => v, v => full[v].OcppAction),
                [.. everywhere.Order(StringComparer.Ordinal)],
                [.. any.Except(everywhere).Order(StringComparer.Ordinal)]));
        }

        return [.. entries.OrderBy(e => e.Kind).ThenBy(e => e.Name, StringComparer.Ordinal)];
    }

    private static CsmsCommand Call(MethodInfo factory, OcppVersion version, bool all) =>
        (CsmsCommand)factory.Invoke(null, [.. factory.GetParameters().Select(p => !all && p.HasDefaultValue ? p.DefaultValue : Sample(p.ParameterType, version))])!;

    // Values only need to build a valid command: which placeholders appear does not depend on them. Strings are
    // digits because transaction ids become 1.6 integers.
    private static object Sample(Type type, OcppVersion version)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(OcppVersion))
        {
            return version;
        }

        if (type == typeof(string))
        {
            return "1";
        }

        if (type == typeof(int) || type == typeof(decimal) || type == typeof(bool))
        {
            return Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var item = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            list.Add(Sample(item, version));
            return list;
        }

        if (type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == type).MinBy(m => m.GetParameters().Length) is { } factory)
        {
            return factory.Invoke(null, [.. factory.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue : Sample(p.ParameterType, version))])!;
        }

        var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length)
            ?? throw new InvalidOperationException($"no sample value for {type.Name}");
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Sample(p.ParameterType, version))]);
    }
}
