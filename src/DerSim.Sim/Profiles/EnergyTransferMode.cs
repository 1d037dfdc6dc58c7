using System.Text.Json.Serialization;

namespace DerSim.Sim.Profiles;

/// <summary>Energy transfer modes with the names of OCPP 2.1's EnergyTransferModeEnumType.</summary>
[JsonConverter(typeof(StrictEnumConverter<EnergyTransferMode>))]
public enum EnergyTransferMode
{
    /// <summary>AC, one phase.</summary>
    [JsonStringEnumMemberName("AC_single_phase")] AcSinglePhase,

    /// <summary>AC, two phases.</summary>
    [JsonStringEnumMemberName("AC_two_phase")] AcTwoPhase,

    /// <summary>AC, three phases.</summary>
    [JsonStringEnumMemberName("AC_three_phase")] AcThreePhase,

    /// <summary>DC charging.</summary>
    [JsonStringEnumMemberName("DC")] Dc,

    /// <summary>AC bidirectional power transfer.</summary>
    [JsonStringEnumMemberName("AC_BPT")] AcBpt,

    /// <summary>AC bidirectional power transfer with DER control.</summary>
    [JsonStringEnumMemberName("AC_BPT_DER")] AcBptDer,

    /// <summary>AC with DER control.</summary>
    [JsonStringEnumMemberName("AC_DER")] AcDer,

    /// <summary>DC bidirectional power transfer (V2G).</summary>
    [JsonStringEnumMemberName("DC_BPT")] DcBpt,

    /// <summary>DC via automatic connection device (pantograph).</summary>
    [JsonStringEnumMemberName("DC_ACDP")] DcAcdp,

    /// <summary>DC via automatic connection device, bidirectional.</summary>
    [JsonStringEnumMemberName("DC_ACDP_BPT")] DcAcdpBpt,

    /// <summary>Wireless power transfer.</summary>
    [JsonStringEnumMemberName("WPT")] Wpt,
}
