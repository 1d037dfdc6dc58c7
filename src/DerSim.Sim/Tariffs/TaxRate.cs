namespace DerSim.Sim.Tariffs;

/// <summary>
/// One tax on a price (OCPP 2.1 TaxRateType): a percentage on the net price (stack 0), or on the net price plus the taxes
/// of the stack below it (stack 1 on top of stack 0, and so on).
/// </summary>
/// <param name="Percent">The tax, in percent.</param>
/// <param name="Stack">The stack level. The default value is 0 (on the net price).</param>
public sealed record TaxRate(decimal Percent, int Stack = 0);
