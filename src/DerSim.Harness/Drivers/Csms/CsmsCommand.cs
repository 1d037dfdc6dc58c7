using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Json;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// One CSMS-initiated action for one station: a small record per action (<see cref="ResetCommand"/>,
/// <see cref="SetChargingProfileCommand"/>, …) holding only that action's fields, which builds the station version's
/// generated request (1.6 types for 1.6; 2.1's CLR types for 2.0.1 and 2.1, whose schemas check what a 2.0.1
/// connection may carry when it is sent). How a driver asks for it (operator text, HTTP placeholders) is the driver's.
/// </summary>
/// <param name="StationId">The station it is for.</param>
/// <param name="Version">The station's OCPP version.</param>
public abstract record CsmsCommand(string StationId, OcppVersion Version)
{
    /// <summary>The action, in version-neutral terms.</summary>
    public abstract CsmsActionKind Kind { get; }

    /// <summary>Whether the command uses what only OCPP 2.1 can say (V2X periods, DER, allowed energy transfer, aFRR).</summary>
    public virtual bool NeedsV21 => false;

    /// <summary>
    /// The fields of <see cref="Payload"/> (JSON paths as <c>requestId</c>, <c>chargingProfile.id</c>) the CSMS chooses
    /// itself, whatever it was asked: ids it numbers, timestamps it stamps. <see cref="AskedFields"/> leaves them (and
    /// everything under them) out. The default value is none.
    /// </summary>
    public virtual IReadOnlyCollection<string> ChosenByCsms => [];

    /// <summary>
    /// Arrays of <see cref="Payload"/> (JSON paths, as <c>setVariableData</c>) whose items the CSMS may send in any
    /// order, and with items of its own beside them: an item asked for is there when some item sent has every field
    /// it was asked with. The default value is none: every array is compared item by item.
    /// </summary>
    public virtual IReadOnlyCollection<string> UnorderedArrays => [];

    /// <summary>
    /// Http driver placeholders (names without braces) of which a template must use at least one, or <c>{payload}</c>,
    /// for the request it makes to carry everything asked (e.g. a remote start's TxProfile); a template using none
    /// cannot make the CSMS send this command. The default value is none: any template of the action will do.
    /// </summary>
    public virtual IReadOnlyCollection<string> TemplateMustName => [];

    /// <summary>
    /// Every leaf of <see cref="Payload"/> the CSMS was asked to send as it is (path → value), less
    /// <see cref="ChosenByCsms"/>: what a check on the CSMS's CALL compares field by field.
    /// </summary>
    public IReadOnlyList<(string Path, JsonElement Value)> AskedFields()
    {
        // Compared with recorded frames, whose passwords are masked (FrameSecrets): mask the command's alike.
        using var masked = JsonDocument.Parse(DerSim.Ocpp.Rpc.FrameSecrets.Masked(Payload().GetRawText()));
        var fields = new List<(string, JsonElement)>();
        Leaves(masked.RootElement.Clone(), "", fields);
        return [.. fields.Where(f => !ChosenByCsms.Any(c => f.Item1 == c || f.Item1.StartsWith(c + ".", StringComparison.Ordinal) || f.Item1.StartsWith(c + "[", StringComparison.Ordinal)))];
    }

    /// <summary>The OCPP action the station's version uses, or null when the version has none for this command.</summary>
    public string? OcppAction => NeedsV21 && Version != OcppVersion.V21 ? null : ActionIn(Version);

    /// <summary>The OCPP payload in the station's version, serialised from the generated request type.</summary>
    /// <exception cref="CsmsActionNotApplicableException">The version has no such action.</exception>
    /// <exception cref="ArgumentException">A value the payload needs is not one the station's version knows.</exception>
    public JsonElement Payload()
    {
        if (OcppAction is null)
        {
            throw new CsmsActionNotApplicableException($"OCPP {Version.DisplayName()} has no {Kind}");
        }

        var request = Request();
        return OcppJson.SerializeToElement(request, request.GetType(), OcppActionTables.For(Version));
    }

    private static void Leaves(JsonElement value, string path, List<(string, JsonElement)> into)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Leaves(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", into);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Leaves(item, $"{path}[{i++}]", into);
                }

                break;
            default:
                into.Add((path, value));
                break;
        }
    }

    /// <summary>The generated enum value of <paramref name="text"/> in <paramref name="version"/>, read by the version's own JSON converter (its exact schema strings).</summary>
    /// <exception cref="ArgumentException">Not a value of that enum; names <paramref name="context"/> and <paramref name="what"/>.</exception>
    internal static TEnum ParseWire<TEnum>(OcppVersion version, string context, string text, string what)
        where TEnum : struct, Enum
    {
        try
        {
            return OcppJson.ParseName<TEnum>(text, OcppActionTables.For(version));
        }
        catch (JsonException)
        {
            throw new ArgumentException($"{context}: \"{text}\" is not an OCPP {version.DisplayName()} {what}");
        }
    }

    /// <summary>The OCPP action <paramref name="version"/> uses, or null when it has none (2.1-only commands need not check).</summary>
    protected abstract string? ActionIn(OcppVersion version);

    /// <summary>The generated request of the station's version; only called when <see cref="OcppAction"/> is not null.</summary>
    protected abstract object Request();

    /// <summary>The generated enum value a step's text names, in the station's version; errors name the action.</summary>
    protected TEnum Wire<TEnum>(string text, string what)
        where TEnum : struct, Enum =>
        ParseWire<TEnum>(Version, Kind.ToString(), text, what);
}
