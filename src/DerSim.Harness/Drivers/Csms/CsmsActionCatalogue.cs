using System.Collections;
using System.Reflection;
using DerSim.Ocpp;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// The actions the Http driver knows and the placeholders each provides, read from the code itself: every command
/// record (a sealed <see cref="CsmsCommand"/>) is built for every OCPP version, once with only its required arguments
/// and once with all, and the resulting <see cref="HttpPlaceholders.TemplateName"/>, <see cref="CsmsCommand.OcppAction"/>
/// and <see cref="HttpPlaceholders.Names"/> are listed. A new command or placeholder shows up here with no list to update.
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
        // A sealed record's only public constructor is its primary one (its copy constructor is private).
        var constructors = typeof(CsmsCommand).Assembly.GetTypes()
            .Where(t => t.IsSealed && t.IsSubclassOf(typeof(CsmsCommand)))
            .Select(t => t.GetConstructors().Single());
        var entries = new List<CsmsActionEntry>();
        foreach (var constructor in constructors)
        {
            var full = OcppVersions.All.ToDictionary(v => v, v => Call(constructor, v, all: true, Texts[0]));
            var supported = OcppVersions.All.Where(v => full[v].OcppAction is not null).ToList();
            var everywhere = supported.Select(v => HttpPlaceholders.Names(Call(constructor, v, all: false, Texts[0])))
                .Aggregate((IEnumerable<string>?)null, (a, b) => a is null ? b : a.Intersect(b)) ?? [];
            var any = supported.SelectMany(v => Texts.SelectMany(text => Keys(constructor, v, text))).Distinct();
            var first = full[OcppVersion.V16];
            entries.Add(new CsmsActionEntry(
                HttpPlaceholders.TemplateName(first),
                first.Kind,
                OcppVersions.All.ToDictionary(v => v, v => full[v].OcppAction),
                [.. everywhere.Order(StringComparer.Ordinal)],
                [.. any.Except(everywhere).Order(StringComparer.Ordinal)]));
        }

        return [.. entries.OrderBy(e => e.Kind).ThenBy(e => e.Name, StringComparer.Ordinal)];
    }

    // Placeholders of a command with every argument given, or none when this sample text does not make a valid one
    // (a 1.6 transaction id must be a number, a 2.x "Component.Variable" key needs its dot).
    private static IEnumerable<string> Keys(ConstructorInfo constructor, OcppVersion version, string text)
    {
        try
        {
            return HttpPlaceholders.Names(Call(constructor, version, all: true, text));
        }
        catch (Exception ex) when (ex is TargetInvocationException or FormatException or ArgumentException)
        {
            return [];
        }
    }

    private static CsmsCommand Call(ConstructorInfo constructor, OcppVersion version, bool all, string text) =>
        (CsmsCommand)constructor.Invoke([.. constructor.GetParameters().Select(p => !all && p.HasDefaultValue ? p.DefaultValue : Sample(p.ParameterType, version, text))])!;

    // The sample texts every string argument takes in turn: which placeholders appear depends on them only where a
    // text is parsed (a number, a dotted key).
    private static readonly string[] Texts = ["1", "Component.1"];

    // Values only need to build a valid command.
    private static object Sample(Type type, OcppVersion version, string text)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(OcppVersion))
        {
            return version;
        }

        if (type == typeof(string))
        {
            return text;
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
            list.Add(Sample(item, version, text));
            return list;
        }

        if (type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == type).MinBy(m => m.GetParameters().Length) is { } factory)
        {
            return factory.Invoke(null, [.. factory.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue : Sample(p.ParameterType, version, text))])!;
        }

        var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length)
            ?? throw new InvalidOperationException($"no sample value for {type.Name}");
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Sample(p.ParameterType, version, text))]);
    }
}
