namespace DerSim.Sim.Physics;

/// <summary>One port as the allocation left it, for grid-support functions to adjust.</summary>
/// <param name="EvseId">The EVSE.</param>
/// <param name="RatingKw">The port's rating; also its apparent-power rating in kVA.</param>
/// <param name="MaxDischargeKw">The most the port can discharge now (EV and connector), 0 when not bidirectional.</param>
/// <param name="Active">Whether an EV is plugged and energy is allowed.</param>
/// <param name="ImportKw">Charging power.</param>
/// <param name="OfferedKw">Power offered to the EV.</param>
/// <param name="ExportKw">Discharging power.</param>
public readonly record struct GridSupportPort(int EvseId, double RatingKw, double MaxDischargeKw, bool Active, double ImportKw, double OfferedKw, double ExportKw);
