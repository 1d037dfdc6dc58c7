namespace DerSim.Sim.StationModel;

/// <summary>One variable of a component, with its characteristics and a way to read its current (Actual) value.</summary>
/// <param name="Component">The component it belongs to.</param>
/// <param name="Name">Variable name, e.g. <c>AvailabilityState</c>.</param>
/// <param name="DataType">What its value holds.</param>
/// <param name="ReadOnly">Whether the CSMS may not change it.</param>
/// <param name="Read">Reads the current value as text, at the moment of the call.</param>
public sealed record DeviceVariable(DeviceComponent Component, string Name, DeviceDataType DataType, bool ReadOnly, Func<string> Read)
{
    /// <summary>Unit of the value (e.g. <c>W</c>, <c>s</c>). The default value is <see langword="null"/>.</summary>
    public string? Unit { get; init; }

    /// <summary>Largest value it can take (e.g. the power cap in W). The default value is <see langword="null"/>.</summary>
    public decimal? MaxLimit { get; init; }

    /// <summary>Comma-separated allowed values of an <see cref="DeviceDataType.OptionList"/>. The default value is <see langword="null"/>.</summary>
    public string? ValuesList { get; init; }

    /// <summary>The setting behind it, when the CSMS can also reach it as a 1.6 key. The default value is <see langword="null"/>.</summary>
    public StationConfiguration.Setting? Setting { get; init; }

    /// <summary>The variable instance (e.g. <c>TransactionEvent</c>). The default value is <see langword="null"/> (none).</summary>
    public string? Instance { get; init; }

    /// <summary>Whether a SummaryInventory report includes it. The default value is <see langword="false"/>.</summary>
    public bool InSummary { get; init; }

    /// <summary>
    /// Whether the CSMS may set it but never read it back (2.x mutability WriteOnly: passwords, keys): GetVariables is
    /// Rejected and a report gives no value. The default value is <see langword="false"/>.
    /// </summary>
    public bool WriteOnly { get; init; }

    /// <summary>
    /// Writes a new value, for a variable that is not a <see cref="Setting"/> (a NetworkConfiguration slot's field).
    /// The default value is <see langword="null"/>: only a setting can change.
    /// </summary>
    public Func<string, SetOutcome>? Write { get; init; }
}
