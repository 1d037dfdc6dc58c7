using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Adapters;

/// <summary>The CSMS's answer to BootNotification, version-neutral.</summary>
/// <param name="Registration">Accepted, Pending or Rejected.</param>
/// <param name="Interval">Heartbeat interval when accepted, retry interval otherwise (zero: the station chooses).</param>
/// <param name="CurrentTime">The CSMS's clock.</param>
public sealed record BootOutcome(RegistrationState Registration, TimeSpan Interval, DateTimeOffset CurrentTime);
