namespace DerSim.Sim.Physics;

/// <summary>
/// What one port wants from the arbiter after the directive, the negotiated mode and the EV's state are combined:
/// either import (demand up to a ceiling, shared by the arbiter) or export (fed back, not arbitrated), never both.
/// </summary>
/// <param name="ImportDemandKw">Power the EV would take, kW.</param>
/// <param name="ImportCeilingKw">The most the port may import, kW (hardware, limit, setpoint).</param>
/// <param name="ExportKw">Power the EV feeds back, kW.</param>
internal readonly record struct PowerRequest(double ImportDemandKw, double ImportCeilingKw, double ExportKw)
{
    public static PowerRequest Nothing { get; } = new(0, 0, 0);

    public bool Imports => ExportKw <= 0 && ImportCeilingKw > 0;
}
