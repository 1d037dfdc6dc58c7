using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;

namespace DerSim.Csms;

/// <summary>What a version's CSMS handlers work with on one connection.</summary>
public sealed class CsmsContext
{
    private readonly HashSet<string> _handled = new(StringComparer.Ordinal);
    private readonly Action<CsmsStationState> _changed;
    private readonly Func<CsmsBootStatus> _bootStatus;

    internal CsmsContext(OcppRpcPeer peer, CsmsStationState state, ReferenceCsmsOptions options, Func<CsmsBootStatus> bootStatus, Func<int> nextTransactionId, Action<CsmsStationState> changed)
    {
        Peer = peer;
        State = state;
        Options = options;
        _bootStatus = bootStatus;
        NextTransactionId = nextTransactionId;
        _changed = changed;
    }

    /// <summary>The connection.</summary>
    public OcppRpcPeer Peer { get; }

    /// <summary>The station's state, updated by the handlers.</summary>
    public CsmsStationState State { get; }

    /// <summary>The CSMS's settings.</summary>
    public ReferenceCsmsOptions Options { get; }

    /// <summary>The verdict for a BootNotification now (the CSMS's current setting, not the one it started with).</summary>
    public CsmsBootStatus BootStatus => _bootStatus();

    /// <summary>Hands out 1.6 transaction ids, unique across the CSMS.</summary>
    public Func<int> NextTransactionId { get; }

    /// <summary>The CSMS's clock.</summary>
    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    /// <summary>
    /// What the CSMS answers for <paramref name="token"/>: Invalid when <see cref="ReferenceCsmsOptions.AcceptedTokens"/>
    /// leaves it out, else what <see cref="ReferenceCsmsOptions.Tokens"/> holds for it, else Accepted.
    /// </summary>
    public CsmsToken Authorize(string token) =>
        Options.AcceptedTokens is { } only && !only.Contains(token) ? new CsmsToken(CsmsTokenStatus.Invalid)
        : Options.Tokens.TryGetValue(token, out var known) ? known
        : new CsmsToken(CsmsTokenStatus.Accepted);

    /// <summary>Registers a typed handler that counts the call and announces the state change.</summary>
    public void Handle<TRequest, TResponse>(Func<TRequest, TResponse> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (Peer.Table.TryGetByRequestType(typeof(TRequest), out var action))
        {
            _handled.Add(action.Name);
        }

        Peer.On<TRequest, TResponse>((request, _) =>
        {
            var response = handler(request);
            _changed(State);
            return ValueTask.FromResult(response);
        });
    }

    /// <summary>Answers every other station-initiated action of the version with its minimal valid response.</summary>
    public void HandleTheRestMinimally()
    {
        foreach (var action in Peer.Table.Actions.Values)
        {
            if (action.CanBeSentBy(OcppRole.ChargingStation) && !_handled.Contains(action.Name))
            {
                var name = action;
                Peer.OnRaw(action.Name, (_, _) =>
                {
                    _changed(State);
                    return ValueTask.FromResult(MinimalResponses.For(name, Peer.Table, Options.TimeProvider));
                });
            }
        }
    }

    /// <summary>
    /// Keeps the meter values of a message, written as on the wire only when asked for: under load every station
    /// sends them every sample interval and nobody reads them.
    /// </summary>
    public void KeepMeterValues<T>(T meterValues)
    {
        var options = Ocpp.Json.OcppJson.Options(Peer.Table);
        State.KeepMeterValues(() => JsonSerializer.SerializeToElement(meterValues, options));
    }
}
