using DerSim.Ocpp.Json;

namespace DerSim.Ocpp.Dialects;

/// <summary>
/// What sets OCPP 2.0.1 and 2.1 apart for the code written once over the 2.1 types (one OCPP 2.x family): the version,
/// its limits, and which blocks it has. The 2.1 types carry 2.0.1 messages (the generator proves they can); exactness
/// on the wire stays with the validator, which checks every frame against its own version's schema in both
/// directions. A dialect keeps DerSim from building what its version cannot carry.
/// </summary>
public sealed class Ocpp2Dialect
{
    private Ocpp2Dialect(OcppVersion version, int statusInfoLength)
    {
        Version = version;
        StatusInfoLength = statusInfoLength;
        Table = OcppActionTables.For(version);
        HasV2x = Has("NotifyAllowedEnergyTransfer");
        HasDer = Has("SetDERControl");
    }

    // Built on first use: a 2.0.1 station never builds the 2.1 action table (its start-up counts to the BootNotification).
    private static readonly Lazy<Ocpp2Dialect> V201Dialect = new(() => new(OcppVersion.V201, statusInfoLength: 512));
    private static readonly Lazy<Ocpp2Dialect> V21Dialect = new(() => new(OcppVersion.V21, statusInfoLength: 1024));

    /// <summary>OCPP 2.0.1.</summary>
    public static Ocpp2Dialect V201 => V201Dialect.Value;

    /// <summary>OCPP 2.1.</summary>
    public static Ocpp2Dialect V21 => V21Dialect.Value;

    /// <summary>The version.</summary>
    public OcppVersion Version { get; }

    /// <summary>The version's action table.</summary>
    public IOcppActionTable Table { get; }

    /// <summary>The longest <c>StatusInfoType.additionalInfo</c>: 512 characters in 2.0.1, 1024 in 2.1 (the schemas' maxLength).</summary>
    public int StatusInfoLength { get; }

    /// <summary>Bidirectional power transfer (2.1 block Q: NotifyAllowedEnergyTransfer, operation modes, V2X curves, AFRRSignal).</summary>
    public bool HasV2x { get; }

    /// <summary>DER control (2.1 block R: Set/Get/ClearDERControl, NotifyDERStartStop, NotifyDERAlarm).</summary>
    public bool HasDer { get; }

    /// <summary>
    /// Every charging-schedule period carries a limit: <c>ChargingSchedulePeriodType.limit</c> is required in 2.0.1;
    /// 2.1 made it optional (a setpoint or operation mode may stand instead).
    /// </summary>
    public bool RequiresPeriodLimit => Version == OcppVersion.V201;

    /// <summary>The dialect of a 2.x version.</summary>
    /// <exception cref="ArgumentOutOfRangeException">OCPP 1.6, which is no 2.x version.</exception>
    public static Ocpp2Dialect For(OcppVersion version) => version switch
    {
        OcppVersion.V201 => V201,
        OcppVersion.V21 => V21,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "not an OCPP 2.x version"),
    };

    /// <summary>True when the version defines <paramref name="action"/>.</summary>
    public bool Has(string action) => Table.TryGet(action, out _);

    /// <summary><paramref name="detail"/> cut to the version's <see cref="StatusInfoLength"/>.</summary>
    public string? StatusInfoText(string? detail) => detail is { } d && d.Length > StatusInfoLength ? d[..StatusInfoLength] : detail;

    /// <summary>
    /// The idToken type to send for <paramref name="idToken"/>: <paramref name="type"/> when given, else the one its
    /// text fits; in 2.0.1, whose type is a closed enum, in its spelling (any case), and Local when it defines no such type.
    /// </summary>
    public string IdTokenType(string? type, string idToken)
    {
        var chosen = type ?? IdTokenTypes.Fitting(idToken);
        if (Version != OcppVersion.V201)
        {
            return chosen;
        }

        var canonical = IdTokenTypes.Canonical(chosen, Version);
        return IdTokenTypes.IsDefined(canonical, Version) ? canonical : IdTokenTypes.Local;
    }

    /// <inheritdoc />
    public override string ToString() => "OCPP " + Version.DisplayName();
}
