using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Physics;

/// <summary>
/// The physics of one station, version-neutral and deterministic: EVs plugged into EVSEs, the power arbiter,
/// the backing battery and the energy registers, integrated in fixed steps (<see cref="PhysicsOptions.Step"/>)
/// over simulated time that only moves when <see cref="AdvanceTo"/> is called. A version adapter drives a session
/// as <see cref="Plug"/> → <see cref="SetEnergyAllowed"/> (transaction authorised) → <see cref="AdvanceTo"/> and
/// <see cref="Snapshot()"/> at each sample → stop when a <see cref="ChargingStateChange"/> reports the target reached
/// → <see cref="SetEnergyAllowed"/> false → <see cref="Unplug"/>. Commands act at <see cref="Now"/>: advance first.
/// Thread-safe; the <see cref="PowerLimitSource"/> is called under the lock and must not call back.
/// </summary>
public sealed partial class StationPhysics
{
    private readonly Lock _gate = new();
    private readonly PortState[] _ports;
    private readonly PowerBudget[] _groupBudgets;
    private readonly List<ArbiterPort> _arbiterPorts = [];
    private readonly List<PortState> _arbitrated = [];
    private readonly List<PowerBudget> _budgets = [];
    private PowerBudget? _stationBudget;
    private readonly long _stepTicks;
    private readonly double _stepSeconds;
    private PowerDirectiveSource? _directives;
    private double _supplyKw;
    private double _batteryFlowKw;

    /// <summary>Builds the physics of <paramref name="profile"/> with simulated time starting at <paramref name="start"/>.</summary>
    public StationPhysics(EvseProfile profile, DateTimeOffset start, PhysicsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Options = options ?? PhysicsOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Options.Step, TimeSpan.Zero, nameof(options));
        Profile = profile;
        Now = start;
        _stepTicks = Options.Step.Ticks;
        _stepSeconds = Options.Step.TotalSeconds;
        _ports = profile.Evses.OrderBy(e => e.Id).Select(e => new PortState(e)).ToArray();
        _groupBudgets = profile.PowerGroups
            .Select(g => new PowerBudget($"group {g.Id}", g.BudgetKw, g.EvseIds))
            .ToArray();
        BackingBattery = new BackingBattery(profile.BackingBattery);
        Recompute(null);
    }

    /// <summary>The profile the station was built from.</summary>
    public EvseProfile Profile { get; }

    /// <summary>The settings in use.</summary>
    public PhysicsOptions Options { get; }

    /// <summary>The station's backing battery.</summary>
    public BackingBattery BackingBattery { get; }

    /// <summary>Simulated time the state refers to.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>The EV plugged into <paramref name="evseId"/>, if any.</summary>
    public Ev? EvAt(int evseId)
    {
        lock (_gate)
        {
            return Port(evseId).Ev;
        }
    }

    /// <summary>Plugs <paramref name="ev"/> into connector <paramref name="connectorId"/> of EVSE <paramref name="evseId"/>; no energy flows until <see cref="SetEnergyAllowed"/>.</summary>
    /// <exception cref="InvalidOperationException">The EVSE already has an EV, or this EV is plugged in elsewhere.</exception>
    public IReadOnlyList<ChargingStateChange> Plug(int evseId, int connectorId, Ev ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        lock (_gate)
        {
            var port = Port(evseId);
            var connector = port.Evse.Connectors.FirstOrDefault(c => c.Id == connectorId)
                ?? throw new ArgumentOutOfRangeException(nameof(connectorId), connectorId, $"EVSE {evseId} has no connector {connectorId}.");
            if (port.Ev is not null)
            {
                throw new InvalidOperationException($"EVSE {evseId} already has an EV plugged in.");
            }

            if (Array.Exists(_ports, p => ReferenceEquals(p.Ev, ev)))
            {
                throw new InvalidOperationException("This EV is already plugged in elsewhere.");
            }

            port.Ev = ev;
            port.Connector = connector;
            port.TransferMode = EnergyTransfer.Pick(EnergyTransfer.Available(ev.Model, connector));
            return Recompute();
        }
    }

    /// <summary>Unplugs the EV of <paramref name="evseId"/> (if any) and ends energy flow: the next EV needs a new <see cref="SetEnergyAllowed"/>.</summary>
    public IReadOnlyList<ChargingStateChange> Unplug(int evseId)
    {
        lock (_gate)
        {
            var port = Port(evseId);
            port.Ev = null;
            port.Connector = null;
            port.TransferMode = null;
            port.EnergyAllowed = false;
            return Recompute();
        }
    }

    /// <summary>Lets energy flow on <paramref name="evseId"/> (an authorised transaction is active) or stops it.</summary>
    public IReadOnlyList<ChargingStateChange> SetEnergyAllowed(int evseId, bool allowed)
    {
        lock (_gate)
        {
            Port(evseId).EnergyAllowed = allowed;
            return Recompute();
        }
    }

    /// <summary>Makes the plugged EV pause or resume on its own side (it then takes nothing while offered: SuspendedEV).</summary>
    public IReadOnlyList<ChargingStateChange> SetEvPaused(int evseId, bool paused)
    {
        lock (_gate)
        {
            var ev = Port(evseId).Ev ?? throw new InvalidOperationException($"EVSE {evseId} has no EV.");
            ev.Paused = paused;
            return Recompute();
        }
    }

    /// <summary>Changes the plugged EV's target state of charge.</summary>
    public IReadOnlyList<ChargingStateChange> SetTargetSoc(int evseId, double targetSocPercent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetSocPercent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetSocPercent, 100);
        lock (_gate)
        {
            var ev = Port(evseId).Ev ?? throw new InvalidOperationException($"EVSE {evseId} has no EV.");
            ev.TargetSocPercent = targetSocPercent;
            return Recompute();
        }
    }

    /// <summary>
    /// Sets where charging-profile limits come from (<see langword="null"/>: unlimited) and applies it now: a limit at
    /// or above 0 caps charging, one below 0 is a discharge setpoint (<see cref="PowerDirective.FromLimit"/>).
    /// </summary>
    public IReadOnlyList<ChargingStateChange> SetLimitSource(PowerLimitSource? source) =>
        SetDirectiveSource(source is null ? null : (evseId, at) => PowerDirective.FromLimit(source(evseId, at)));

    /// <summary>Sets where each port's directive (operation mode, limit, discharge limit, setpoint) comes from and applies it now.</summary>
    public IReadOnlyList<ChargingStateChange> SetDirectiveSource(PowerDirectiveSource? source)
    {
        lock (_gate)
        {
            _directives = source;
            return Recompute();
        }
    }

    /// <summary>
    /// Sets the energy-transfer mode negotiated with the EV on <paramref name="evseId"/> (the EV picks one on plug-in:
    /// <see cref="EnergyTransfer.Pick"/>); the port discharges only while it is bidirectional.
    /// </summary>
    public IReadOnlyList<ChargingStateChange> SetEnergyTransferMode(int evseId, EnergyTransferMode? mode)
    {
        lock (_gate)
        {
            var port = Port(evseId);
            if (port.Ev is null)
            {
                throw new InvalidOperationException($"EVSE {evseId} has no EV.");
            }

            port.TransferMode = mode;
            return Recompute();
        }
    }

    /// <summary>
    /// Evaluates limits and allocation again at <see cref="Now"/>: call it when the limit source's answers changed
    /// (a profile was installed or cleared) so the snapshot shows the new limit at once rather than after the next step.
    /// </summary>
    public IReadOnlyList<ChargingStateChange> Reevaluate()
    {
        lock (_gate)
        {
            return Recompute();
        }
    }

    /// <summary>Runs simulated time forward by <paramref name="duration"/>.</summary>
    public IReadOnlyList<ChargingStateChange> Advance(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        lock (_gate)
        {
            return AdvanceLocked(Now + duration);
        }
    }

    /// <summary>
    /// Runs simulated time forward to <paramref name="at"/> in full steps and one final partial step, and returns
    /// the charging-state changes on the way, each stamped with the step boundary where it happened.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="Now"/>.</exception>
    public IReadOnlyList<ChargingStateChange> AdvanceTo(DateTimeOffset at)
    {
        lock (_gate)
        {
            if (at < Now)
            {
                throw new ArgumentOutOfRangeException(nameof(at), at, $"Simulated time cannot go back from {Now:O}.");
            }

            return AdvanceLocked(at);
        }
    }

    /// <summary>
    /// The station's clock was set (to the CSMS's time at boot): the state now refers to <paramref name="at"/>, without
    /// running time over the jump, which is a new reading of the clock, not time that passed.
    /// </summary>
    public void Rebase(DateTimeOffset at)
    {
        lock (_gate)
        {
            Now = at;
        }
    }

    /// <summary>The whole station now.</summary>
    public StationSnapshot Snapshot()
    {
        lock (_gate)
        {
            var evses = _ports.Select(SnapshotOf).ToArray();
            var delivered = _ports.Sum(p => p.DeliveredKw);
            var exported = _ports.Sum(p => p.ExportKw);
            return new StationSnapshot(
                Now,
                evses,
                delivered,
                _supplyKw,
                delivered - exported - _batteryFlowKw,
                _batteryFlowKw,
                BackingBattery.SocPercent);
        }
    }

    /// <summary>EVSE <paramref name="evseId"/> now.</summary>
    public EvseSnapshot Snapshot(int evseId)
    {
        lock (_gate)
        {
            return SnapshotOf(Port(evseId));
        }
    }

    private List<ChargingStateChange> AdvanceLocked(DateTimeOffset at)
    {
        var changes = new List<ChargingStateChange>();
        while (Now < at)
        {
            var ticks = Math.Min(_stepTicks, (at - Now).Ticks);
            Integrate(ticks / (double)TimeSpan.TicksPerSecond);
            Now = Now.AddTicks(ticks);
            Recompute(changes);
        }

        return changes;
    }

    private void Integrate(double seconds)
    {
        foreach (var port in _ports)
        {
            var ev = port.Ev;
            if (ev is null)
            {
                continue;
            }

            var importKwh = port.DeliveredKw * seconds / 3600;
            var exportKwh = port.ExportKw * seconds / 3600;
            port.ImportWh += importKwh * 1000;
            port.ExportWh += exportKwh * 1000;
            ev.SocPercent = Math.Clamp(ev.SocPercent + ((importKwh - exportKwh) / ev.Model.BatteryKwh * 100), 0, 100);
        }

        BackingBattery.Run(_batteryFlowKw, seconds);
    }

    private List<ChargingStateChange> Recompute() => Recompute(new List<ChargingStateChange>());

    private List<ChargingStateChange> Recompute(List<ChargingStateChange>? changes)
    {
        // Kept from step to step (under the gate): the physics recomputes every simulated second.
        var arbiterPorts = _arbiterPorts;
        var arbitrated = _arbitrated;
        arbiterPorts.Clear();
        arbitrated.Clear();
        foreach (var port in _ports)
        {
            port.DeliveredKw = 0;
            port.OfferedKw = 0;
            port.ExportKw = 0;
            port.ReactiveKvar = 0;
            port.Mode = null;
            var ev = port.Ev;
            var connector = port.Connector;
            var directive = ev is not null && port.EnergyAllowed ? _directives?.Invoke(port.Evse.Id, Now) ?? PowerDirective.Unlimited : null;
            port.LimitKw = directive is { SetpointKw: { } setpoint } && OperationModes.FollowsSetpoint(directive.Mode) ? setpoint : directive?.LimitKw;
            if (ev is null || connector is null || directive is null)
            {
                continue;
            }

            port.Mode = directive.Mode;
            var request = RequestOf(port, ev, connector, directive);
            if (request.ExportKw > 0)
            {
                port.ExportKw = request.ExportKw;
                continue;
            }

            arbiterPorts.Add(new ArbiterPort(port.Evse.Id, request.ImportDemandKw, request.ImportCeilingKw));
            arbitrated.Add(port);
        }

        _supplyKw = BackingBattery.SupplyKw(_stepSeconds);
        var budgets = _budgets;
        budgets.Clear();
        budgets.AddRange(_groupBudgets);
        var stationCap = Math.Min(Profile.StationMaxKw, _supplyKw);
        if (arbiterPorts.Count > 0 && _directives?.Invoke(0, Now)?.LimitKw is >= 0 and var stationLimit)
        {
            stationCap = Math.Min(stationCap, stationLimit);
        }

        if (_stationBudget?.CapKw != stationCap)
        {
            _stationBudget = new PowerBudget("station", stationCap, null);
        }

        budgets.Add(_stationBudget);
        var allocations = PowerArbiter.Allocate(arbiterPorts, budgets);
        for (var i = 0; i < allocations.Length; i++)
        {
            arbitrated[i].DeliveredKw = allocations[i].AllocatedKw;
            arbitrated[i].OfferedKw = allocations[i].OfferedKw;
        }

        ApplyGridSupport();
        // The backing battery and the grid see the station's net power: what EVs feed back serves the others first.
        _batteryFlowKw = BackingBattery.FlowKw(_ports.Sum(p => p.DeliveredKw - p.ExportKw), _stepSeconds);
        changes ??= [];
        foreach (var port in _ports)
        {
            var state = StateOf(port);
            if (state != port.State)
            {
                changes.Add(new ChargingStateChange(port.Evse.Id, port.State, state, Now, port.Ev?.TargetReached ?? false));
                port.State = state;
            }
        }

        return changes;
    }

    /// <summary>
    /// Grid-support (DER) functions act here, on the ports' import, offer, export and reactive power as the
    /// allocation left them and before states and the backing battery follow from them.
    /// </summary>
    partial void ApplyGridSupport();

    /// <summary>
    /// The port's power request under <paramref name="directive"/>: import at the EV's demand within the hardware and
    /// the directive's caps, or export within the EV's and the port's discharge abilities, the discharge limit, the
    /// energy left above the EV's minimum SoC, and only in a bidirectional energy-transfer mode.
    /// </summary>
    private PowerRequest RequestOf(PortState port, Ev ev, ConnectorDefinition connector, PowerDirective directive)
    {
        // Capping demand by the energy left to the target over one step makes the EV land on its target
        // instead of overshooting it; the power stays a function of state alone, so the snapshot is exact.
        var demand = ev.TargetReached ? 0 : Math.Min(ev.DemandKw(connector), ev.EnergyToTargetKwh * 3600 / _stepSeconds);
        var ceiling = ev.TargetReached ? 0 : CeilingKw(port.Evse, connector);
        var limit = directive.LimitKw;
        switch (directive.Mode)
        {
            case OperationMode.Idle:
                return PowerRequest.Nothing;
            case var following when OperationModes.FollowsSetpoint(following) && directive.SetpointKw is < 0:
                return Export(-directive.SetpointKw.Value);
            case var following when OperationModes.FollowsSetpoint(following):
                ceiling = Math.Min(ceiling, directive.SetpointKw ?? 0);
                break;
            case var bounded when OperationModes.BoundsOnly(bounded) && limit is < 0:
                return Export(-limit.Value);
            default:
                break;
        }

        if (limit is { } cap)
        {
            ceiling = Math.Min(ceiling, Math.Max(0, cap));
        }

        return new PowerRequest(demand, Math.Max(0, ceiling), 0);

        PowerRequest Export(double wantedKw)
        {
            var export = Math.Min(wantedKw, ExportCapacityKw(port, ev, connector));
            if (directive.DischargeLimitKw is { } dischargeLimit)
            {
                export = Math.Min(export, Math.Max(0, -dischargeLimit));
            }

            return export > 0 ? new PowerRequest(0, 0, export) : PowerRequest.Nothing;
        }
    }

    private double ExportCapacityKw(PortState port, Ev ev, ConnectorDefinition connector)
    {
        if (port.TransferMode is not { } mode || !EnergyTransfer.IsBidirectional(mode))
        {
            return 0;
        }

        // Over one step the EV may not go below its minimum SoC: it lands on it instead.
        var roomKwh = Math.Max(0, (ev.SocPercent - ev.Model.MinSocPercent) / 100 * ev.Model.BatteryKwh);
        var capacity = Math.Min(Math.Min(ev.DischargeCapacityKw(connector), port.Evse.MaxKw), roomKwh * 3600 / _stepSeconds);
        return Math.Max(0, capacity);
    }

    private static double CeilingKw(EvseDefinition evse, ConnectorDefinition connector)
    {
        var phases = connector.CurrentType == CurrentType.AC ? connector.Phases ?? 1 : 1;
        var byCurrent = phases * connector.NominalVoltageV * connector.MaxCurrentA / 1000;
        return Math.Min(Math.Min(connector.MaxKw, evse.MaxKw), byCurrent);
    }

    private static ChargingState StateOf(PortState port)
    {
        const double Flowing = 1e-9;
        if (port.Ev is null)
        {
            return ChargingState.Idle;
        }

        if (!port.EnergyAllowed)
        {
            return ChargingState.EVConnected;
        }

        if (port.ExportKw > Flowing)
        {
            return ChargingState.Charging;
        }

        if (port.OfferedKw <= Flowing)
        {
            // One rule for who suspends: an EV at its target stopped drawing (SuspendedEV) — nothing is offered to it
            // because it wants nothing — unless the EVSE or CSMS limits the port to 0 (SuspendedEVSE).
            // An EV paused on its own side (not ready, or suspended by its driver) wants nothing either: SuspendedEV.
            return (port.Ev.TargetReached || port.Ev.Paused) && port.LimitKw is not <= Flowing ? ChargingState.SuspendedEV : ChargingState.SuspendedEVSE;
        }

        return port.DeliveredKw > Flowing ? ChargingState.Charging : ChargingState.SuspendedEV;
    }

    private EvseSnapshot SnapshotOf(PortState port)
    {
        var connector = port.ShownConnector;
        var ev = port.Ev;
        int? phases = connector.CurrentType == CurrentType.AC
            ? (ev is not null ? ev.AcPhases(connector) : connector.Phases ?? 1)
            : null;
        var voltage = connector.NominalVoltageV;
        var current = voltage > 0 ? port.DeliveredKw * 1000 / ((phases ?? 1) * voltage) : 0;
        return new EvseSnapshot(
            port.Evse.Id,
            port.Connector?.Id,
            connector.CurrentType,
            port.State,
            port.EnergyAllowed,
            ev?.Model.Name,
            ev?.SocPercent,
            ev?.TargetSocPercent,
            ev?.TargetReached ?? false,
            port.DeliveredKw,
            port.OfferedKw,
            port.ExportKw,
            port.LimitKw,
            voltage,
            phases,
            current,
            port.ImportWh,
            port.ExportWh)
        {
            ReactiveKvar = port.ReactiveKvar,
            EnergyTransferMode = port.TransferMode,
            OperationMode = port.Mode,
        };
    }

    private PortState Port(int evseId) =>
        Array.Find(_ports, p => p.Evse.Id == evseId)
            ?? throw new ArgumentOutOfRangeException(nameof(evseId), evseId, $"Profile '{Profile.Name}' has no EVSE {evseId}.");
}
