namespace DerSim.Sim.StationModel;

/// <summary>Whether a reservation lets a token use a connector, and which reservation it uses.</summary>
/// <param name="Admitted">Whether the token may start there.</param>
/// <param name="ReservationId">The reservation the token uses up when its transaction starts; null for none.</param>
public readonly record struct ReservationAdmission(bool Admitted, int? ReservationId);
