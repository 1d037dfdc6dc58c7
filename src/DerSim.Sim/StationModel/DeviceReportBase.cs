namespace DerSim.Sim.StationModel;

/// <summary>Which part of the device model a base report covers (2.x ReportBaseEnumType).</summary>
public enum DeviceReportBase
{
    /// <summary>The variables the CSMS can change.</summary>
    ConfigurationInventory,

    /// <summary>Every variable.</summary>
    FullInventory,

    /// <summary>Identity and the availability of every component.</summary>
    SummaryInventory,
}
