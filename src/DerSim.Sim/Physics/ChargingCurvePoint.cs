namespace DerSim.Sim.Physics;

/// <summary>One point of an EV's DC charging curve: the power the battery accepts at a state of charge.</summary>
/// <param name="SocPercent">State of charge, 0..100.</param>
/// <param name="Kw">Accepted power in kW at that state of charge.</param>
public readonly record struct ChargingCurvePoint(double SocPercent, double Kw);
