using DerSim.Gherkin.Glue;
using DerSim.Harness.Traffic;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// Asks an operator to make the CSMS act: prints the instruction ("make the CSMS send SetChargingProfile to
/// DERSIM-DC-1 limiting EVSE 1 to 50 kW") and waits, up to a timeout, for that CALL to reach the station. When no CALL
/// of that action arrives in time the operator did not act: the scenario is INCONCLUSIVE
/// (<see cref="ScenarioInconclusiveException"/>), never failed.
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
        await output.WriteLineAsync($">>> Operator: {OperatorInstructions.For(command)} (waiting up to {timeout.TotalSeconds:0} s)").ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
        try
        {
            return await CsmsTraffic.AwaitExchangeAsync(recorder, command, mark, timeout, ct).ConfigureAwait(false);
        }
        catch (TrafficAssertionException) when (CsmsTraffic.CallsSince(recorder, command.StationId, action, mark).Count == 0)
        {
            // Nothing of the kind arrived: the operator did not act in time, which says nothing about the CSMS.
            throw new ScenarioInconclusiveException($"no operator made the CSMS send {action} to {command.StationId} within {timeout.TotalSeconds:0} s (dersim.manualTimeoutSeconds, --manual-timeout, DERSIM_MANUAL_TIMEOUT)");
        }
    }
}
