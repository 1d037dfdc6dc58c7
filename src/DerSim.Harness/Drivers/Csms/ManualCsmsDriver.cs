using DerSim.Harness.Traffic;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// Asks an operator to make the CSMS act: prints the instruction ("make the CSMS send SetChargingProfile to
/// DERSIM-DC-1 limiting EVSE 1 to 50 kW") and waits, up to a timeout, for that CALL to reach the station.
/// </summary>
public sealed class ManualCsmsDriver(TrafficRecorder recorder, TextWriter output, TimeSpan timeout) : ICsmsDriver
{
    /// <inheritdoc />
    public string Name => "Manual";

    /// <inheritdoc />
    public bool CanPerform(CsmsCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.OcppAction is not null;
    }

    /// <inheritdoc />
    public async Task<CsmsExchange> PerformAsync(CsmsCommand command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var action = command.OcppAction ?? throw new CsmsActionNotApplicableException($"OCPP {command.Version} has no {command.Kind}");
        var mark = CsmsTraffic.Mark(recorder);
        await output.WriteLineAsync($">>> Operator: {command.Describe()} (waiting up to {timeout.TotalSeconds:0} s)").ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
        return await CsmsTraffic.AwaitExchangeAsync(recorder, command.StationId, action, mark, timeout, ct).ConfigureAwait(false);
    }
}
