using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>
/// Drives the embedded reference CSMS: sends the CALL itself through <see cref="DerSim.Csms.ReferenceCsms.CallRawAsync"/>.
/// Cannot act on an external CSMS.
/// </summary>
public sealed class EmbeddedCsmsDriver(CsmsTarget target, TrafficRecorder recorder, TimeSpan timeout) : ICsmsDriver
{
    /// <inheritdoc />
    public string Name => "Embedded";

    /// <inheritdoc />
    public bool CanPerform(CsmsCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return target.IsEmbedded && command.OcppAction is not null;
    }

    /// <inheritdoc />
    public async Task<CsmsExchange> PerformAsync(CsmsCommand command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!target.IsEmbedded)
        {
            throw new CsmsActionNotApplicableException($"the Embedded CSMS driver cannot make {target} send {command.OcppAction ?? command.Kind.ToString()}; configure dersim.http or csmsDriver Manual");
        }

        var action = command.OcppAction ?? throw new CsmsActionNotApplicableException($"OCPP {command.Version} has no {command.Kind}");
        var payload = command.Payload();
        await target.UrlAsync().ConfigureAwait(false);
        var csms = target.Embedded!;

        // A step may run while the station is still connecting: wait for its BootNotification to be heard.
        await csms.WaitForAsync(command.StationId, s => s.Connected && s.BootCount > 0, timeout, ct).ConfigureAwait(false);
        var mark = CsmsTraffic.Mark(recorder);
        try
        {
            await csms.CallRawAsync(command.StationId, action, payload, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OcppCallErrorException or OcppCallTimeoutException)
        {
            // The station's CALLERROR (or silence) is in the recorded traffic; the exchange below reports it.
        }

        return await CsmsTraffic.AwaitExchangeAsync(recorder, command, mark, timeout, ct).ConfigureAwait(false);
    }
}
