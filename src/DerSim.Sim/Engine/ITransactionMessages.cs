using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.Physics;

namespace DerSim.Sim.Engine;

/// <summary>
/// One OCPP version's messages for what the engine does: authorise, start, sample, report charging states, stop.
/// The engine decides when; these decide the shapes.
/// </summary>
public interface ITransactionMessages
{
    /// <summary>
    /// Asks the CSMS whether <paramref name="idTag"/> may charge; <paramref name="idTokenType"/> is its 2.x type (null:
    /// the type its text fits, see <see cref="Ocpp.Dialects.IdTokenTypes.Fitting"/>), unused in 1.6.
    /// </summary>
    Task<bool> AuthorizeAsync(string idTag, string? idTokenType, CancellationToken ct);

    /// <summary>
    /// As <see cref="AuthorizeAsync"/>, with the CSMS's whole verdict: its status and the token's group. By default the
    /// status only (Accepted or Invalid), without a group.
    /// </summary>
    async Task<TokenVerdict> AuthorizeTokenAsync(string idTag, string? idTokenType, CancellationToken ct) =>
        await AuthorizeAsync(idTag, idTokenType, ct).ConfigureAwait(false) ? TokenVerdict.Accepted : TokenVerdict.Refused;

    /// <summary>Reports the connector's plain status (Occupied on plug-in, Available after the EV left).</summary>
    Task StatusAsync(StationConnector connector, CancellationToken ct);

    /// <summary>Starts <paramref name="tx"/> with its first sample; returns the transaction id (1.6: the CSMS's) and whether the CSMS accepted the token.</summary>
    Task<(string TransactionId, bool Accepted)> StartAsync(EngineTransaction tx, MeterSample sample, CancellationToken ct);

    /// <summary>Sends a periodic (or triggered) sample of a running transaction.</summary>
    Task SampleAsync(EngineTransaction tx, MeterSample sample, bool triggered, CancellationToken ct);

    /// <summary>Reports that the charging state of a running transaction changed.</summary>
    Task ChargingStateAsync(EngineTransaction tx, ChargingState state, MeterSample sample, CancellationToken ct);

    /// <summary>Sends a triggered sample of <paramref name="evseId"/> as a plain MeterValues message (2.x TriggerMessage MeterValues), in or out of a transaction.</summary>
    Task MeterValuesAsync(int evseId, MeterSample sample, CancellationToken ct);

    /// <summary>
    /// Tells the CSMS the EVSE of <paramref name="tx"/>, started before it was known, now that its EV plugged in there,
    /// with the transaction's first values (2.x TransactionEvent Updated, CablePluggedIn, evse, context Transaction.Begin).
    /// By default nothing is sent.
    /// </summary>
    Task EvseKnownAsync(EngineTransaction tx, MeterSample sample, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Sends the clock-aligned values of <paramref name="evseId"/>, no transaction running there (2.x MeterValues,
    /// context Sample.Clock; use case J01). <paramref name="sample"/> is cut to the aligned measurands already.
    /// By default nothing is sent.
    /// </summary>
    Task ClockAlignedAsync(int evseId, MeterSample sample, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Sends the clock-aligned values of the EVSE of the running <paramref name="tx"/> (2.x TransactionEvent Updated,
    /// triggerReason MeterValueClock, context Sample.Clock; use case J01). By default nothing is sent.
    /// </summary>
    Task ClockAlignedAsync(EngineTransaction tx, MeterSample sample, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Ends <paramref name="tx"/> with its final sample (and, 2.x, the readings collected for the end: <see cref="EngineTransaction.TxEndedReadings"/>).</summary>
    Task StopAsync(EngineTransaction tx, MeterSample sample, TransactionStopReason reason, CancellationToken ct);

    /// <summary>
    /// 2.x: reports what happened to a running transaction besides samples and charging-state changes (TransactionEvent
    /// Updated: a late authorisation, the cable plugged in, the authorisation ended, the EV gone). By default nothing is
    /// sent: 1.6 has no such message.
    /// </summary>
    Task UpdateAsync(EngineTransaction tx, TransactionUpdate update, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Whether the version can express discharge and operation modes (2.1); older ones charge only. The default value is <see langword="false"/>.</summary>
    bool ExpressesDischarge => false;

    /// <summary>2.1: tells the CSMS what the EV needs and can do (NotifyEVChargingNeeds); returns its answer. By default nothing is sent.</summary>
    Task<ChargingNeedsAnswer> ChargingNeedsAsync(EngineTransaction tx, EvChargingNeeds needs, CancellationToken ct) =>
        Task.FromResult(ChargingNeedsAnswer.NotSent);

    /// <summary>2.1: reports that the operation mode in force changed (TransactionEvent Updated, OperationModeChanged). By default nothing is sent.</summary>
    Task OperationModeAsync(EngineTransaction tx, OperationMode mode, CancellationToken ct) => Task.CompletedTask;
}
