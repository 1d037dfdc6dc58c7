using System.Text.Json.Serialization;

namespace DerSim.Sim.Profiles;

/// <summary>
/// Connector types with the names of OCPP 2.0.1's ConnectorEnumType (2.1 keeps these
/// names in its open ConnectorEnumStringType). CHAdeMO is <c>cG105</c> (JEVS G105).
/// </summary>
[JsonConverter(typeof(StrictEnumConverter<ConnectorType>))]
public enum ConnectorType
{
    /// <summary>Combined Charging System 1 (DC, North America).</summary>
    [JsonStringEnumMemberName("cCCS1")] CCcs1,

    /// <summary>Combined Charging System 2 (DC, Europe).</summary>
    [JsonStringEnumMemberName("cCCS2")] CCcs2,

    /// <summary>JEVS G105, i.e. CHAdeMO.</summary>
    [JsonStringEnumMemberName("cG105")] CG105,

    /// <summary>Tesla connector.</summary>
    [JsonStringEnumMemberName("cTesla")] CTesla,

    /// <summary>IEC 62196 Type 1 cable (SAE J1772).</summary>
    [JsonStringEnumMemberName("cType1")] CType1,

    /// <summary>IEC 62196 Type 2 cable (Mennekes).</summary>
    [JsonStringEnumMemberName("cType2")] CType2,

    /// <summary>IEC 60309 single phase 16 A socket.</summary>
    [JsonStringEnumMemberName("s309-1P-16A")] S309OnePhase16A,

    /// <summary>IEC 60309 single phase 32 A socket.</summary>
    [JsonStringEnumMemberName("s309-1P-32A")] S309OnePhase32A,

    /// <summary>IEC 60309 three phase 16 A socket.</summary>
    [JsonStringEnumMemberName("s309-3P-16A")] S309ThreePhase16A,

    /// <summary>IEC 60309 three phase 32 A socket.</summary>
    [JsonStringEnumMemberName("s309-3P-32A")] S309ThreePhase32A,

    /// <summary>UK domestic socket (BS 1361).</summary>
    [JsonStringEnumMemberName("sBS1361")] SBs1361,

    /// <summary>CEE 7/7 (Schuko) socket.</summary>
    [JsonStringEnumMemberName("sCEE-7-7")] SCee77,

    /// <summary>IEC 62196 Type 2 socket.</summary>
    [JsonStringEnumMemberName("sType2")] SType2,

    /// <summary>IEC 62196 Type 3 socket.</summary>
    [JsonStringEnumMemberName("sType3")] SType3,

    /// <summary>Other single phase, at most 16 A.</summary>
    [JsonStringEnumMemberName("Other1PhMax16A")] Other1PhMax16A,

    /// <summary>Other single phase, above 16 A.</summary>
    [JsonStringEnumMemberName("Other1PhOver16A")] Other1PhOver16A,

    /// <summary>Other three phase.</summary>
    [JsonStringEnumMemberName("Other3Ph")] Other3Ph,

    /// <summary>Pantograph.</summary>
    [JsonStringEnumMemberName("Pan")] Pan,

    /// <summary>Wireless, inductive.</summary>
    [JsonStringEnumMemberName("wInductive")] WInductive,

    /// <summary>Wireless, resonant.</summary>
    [JsonStringEnumMemberName("wResonant")] WResonant,

    /// <summary>Not yet determined.</summary>
    [JsonStringEnumMemberName("Undetermined")] Undetermined,

    /// <summary>Unknown.</summary>
    [JsonStringEnumMemberName("Unknown")] Unknown,
}
