namespace DerSim.Sim.StationModel;

/// <summary>The outcome of looking a component/variable pair up in the <see cref="DeviceModel"/>.</summary>
/// <param name="Status">Whether it was found, or which half was not.</param>
/// <param name="Variable">The variable when found.</param>
public sealed record DeviceLookup(DeviceLookupStatus Status, DeviceVariable? Variable);

