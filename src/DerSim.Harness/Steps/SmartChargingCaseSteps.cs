using System.Globalization;
using DerSim.Gherkin.Glue;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Traffic;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Engine;
using DerSim.Sim.SmartCharging;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The OCA cases of block K (Smart Charging) the CSMS starts: the profiles the station already holds, the CSMS's
/// SetChargingProfile / ClearChargingProfile / GetChargingProfiles / GetCompositeSchedule as the cases ask for them,
/// and the checks of what the CSMS sent (fields present or left out, ids kept or new, the transaction a TxProfile names)
/// and of how it took the station's reports, each failing with the rule and the frames.
/// </summary>
[Binding]
public sealed class SmartChargingCaseSteps(ScenarioWorld world, ScenarioContext scenario)
{
    private const string HeldKey = "smart-charging.held-profiles";
    private const string NextIdKey = "smart-charging.next-profile-id";

    /// <summary>
    /// The station holds a charging profile (Absolute, one period in A from now) on an EVSE (0: the station) as if a
    /// CSMS had set it before: the OCA cases' memory state for reading and clearing profiles. After the station booted.
    /// Example: <c>Given the station holds a "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1 with id 100</c>
    /// </summary>
    [Given("the station holds a {string} of {float} A on EVSE {int} at stack level {int} with id {int}")]
    public void Holds(string purpose, float amps, int evseId, int stackLevel, int id)
    {
        var engine = Engine();
        var profile = new ChargingProfile(id, stackLevel, Ocpp2SmartCharging.FromOcpp2(ParsePurpose(purpose)), ChargingProfileKind.Absolute,
            [new ChargingSchedule(1, ChargingRateUnit.A, [new ChargingSchedulePeriod(0, (decimal)amps)]) { StartSchedule = Now(engine) }]);
        var result = engine.InstallProfile(evseId, profile);
        if (!result.IsAccepted)
        {
            throw new InvalidOperationException($"the station cannot hold {purpose} {id} on EVSE {evseId}: {result.ReasonCode} {result.Detail}");
        }

        Held()[id] = profile with { EvseId = evseId };
    }

    /// <summary>
    /// Sends SetChargingProfile with an Absolute profile of that purpose on an EVSE (0: the station) at a stack level:
    /// one period from 0 with the limit in A or W, starting now, for a duration, valid from now for that duration. The
    /// profile id is the CSMS's own choice. Example: <c>When the CSMS sets a "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1 for 300 s</c>
    /// </summary>
    [When("the CSMS sets a {string} of {float} {word} on EVSE {int} at stack level {int} for {int} s")]
    public Task SetsAbsolute(string purpose, float limit, string unit, int evseId, int stackLevel, int seconds)
    {
        var now = Now(Engine());
        return Perform(Limited(purpose, evseId, limit, unit) with
        {
            StackLevel = stackLevel,
            ProfileKind = "Absolute",
            StartSchedule = now,
            DurationSeconds = seconds,
            ValidFrom = now,
            ValidTo = now.AddSeconds(seconds),
        });
    }

    /// <summary>
    /// Sends SetChargingProfile with a Recurring profile (Daily or Weekly) of that purpose on an EVSE at a stack level:
    /// one period from 0 with the limit in A or W, its schedule starting now.
    /// Example: <c>When the CSMS sets a "Daily" recurring "TxDefaultProfile" of 6 A on EVSE 1 at stack level 1</c>
    /// </summary>
    [When("the CSMS sets a {string} recurring {string} of {float} {word} on EVSE {int} at stack level {int}")]
    public Task SetsRecurring(string recurrency, string purpose, float limit, string unit, int evseId, int stackLevel) =>
        Perform(Limited(purpose, evseId, limit, unit) with
        {
            StackLevel = stackLevel,
            ProfileKind = "Recurring",
            RecurrencyKind = recurrency,
            StartSchedule = Now(Engine()),
        });

    /// <summary>
    /// Sends SetChargingProfile with a Relative TxProfile for the transaction running on the EVSE (waits for it), at a
    /// stack level, one period from 0 with the limit in A or W; the profile names the transaction (2.0.1 K01.FR.03).
    /// Example: <c>When the CSMS sets a TxProfile of 6 A for the transaction on EVSE 1 at stack level 1</c>
    /// </summary>
    [When("the CSMS sets a TxProfile of {float} {word} for the transaction on EVSE {int} at stack level {int}")]
    public async Task SetsTxProfile(float limit, string unit, int evseId, int stackLevel)
    {
        var (_, tx) = await CsmsPerform.TransactionOnAsync(world, evseId).ConfigureAwait(false);
        await Perform(Limited("TxProfile", evseId, limit, unit) with { TransactionId = tx, StackLevel = stackLevel }).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the scenario's latest SetChargingProfile again with another limit and the profile id the CSMS gave it (read
    /// from its CALL): the same profile replaced by its id (2.0.1 K01.FR.05), its validity restamped from now.
    /// Example: <c>When the CSMS replaces that profile with a limit of 6 A</c>
    /// </summary>
    [When("the CSMS replaces that profile with a limit of {float} {word}")]
    public Task Replaces(float limit, string unit)
    {
        var exchange = CsmsPerform.Latest(world, "SetChargingProfile");
        if (exchange.Command is not SetChargingProfileCommand previous
            || exchange.Call.Payload is not { } payload || FrameFields.At(payload, "chargingProfile.id") is not { } sentId)
        {
            throw new InvalidOperationException("no SetChargingProfile with a chargingProfile.id to replace: set a profile first");
        }

        var now = Now(Engine());
        var duration = previous.ValidTo - previous.ValidFrom;
        var replaced = Limited(previous.Purpose, previous.EvseId, limit, unit);
        return Perform(previous with
        {
            LimitW = replaced.LimitW,
            LimitA = replaced.LimitA,
            Periods = null,
            ProfileId = sentId.GetInt32(),
            KeepsProfileId = true,
            StartSchedule = previous.StartSchedule is null ? null : now,
            ValidFrom = previous.ValidFrom is null ? null : now,
            ValidTo = duration is { } d ? now + d : previous.ValidTo,
        });
    }

    /// <summary>
    /// Sends GetChargingProfiles for an EVSE (0: the station's own profiles) with a purpose as the only criterion.
    /// Example: <c>When the CSMS asks for the charging profiles of EVSE 1 with purpose "TxDefaultProfile"</c>
    /// </summary>
    [When("the CSMS asks for the charging profiles of EVSE {int} with purpose {string}")]
    public Task GetByPurpose(int evseId, string purpose) => Get(new(Station().Id, Station().Version, evseId) { Purpose = purpose });

    /// <summary>
    /// Sends GetChargingProfiles for an EVSE with a stack level as the only criterion.
    /// Example: <c>When the CSMS asks for the charging profiles of EVSE 1 at stack level 1</c>
    /// </summary>
    [When("the CSMS asks for the charging profiles of EVSE {int} at stack level {int}")]
    public Task GetByStackLevel(int evseId, int stackLevel) => Get(new(Station().Id, Station().Version, evseId) { StackLevel = stackLevel });

    /// <summary>
    /// Sends GetChargingProfiles for an EVSE with a purpose and a stack level.
    /// Example: <c>When the CSMS asks for the charging profiles of EVSE 1 with purpose "TxDefaultProfile" at stack level 1</c>
    /// </summary>
    [When("the CSMS asks for the charging profiles of EVSE {int} with purpose {string} at stack level {int}")]
    public Task GetByPurposeAndLevel(int evseId, string purpose, int stackLevel) =>
        Get(new(Station().Id, Station().Version, evseId) { Purpose = purpose, StackLevel = stackLevel });

    /// <summary>
    /// Sends GetChargingProfiles for an EVSE with a charging limit source (CSO, EMS, SO, Other) as the only criterion.
    /// Example: <c>When the CSMS asks for the charging profiles of EVSE 1 from source "CSO"</c>
    /// </summary>
    [When("the CSMS asks for the charging profiles of EVSE {int} from source {string}")]
    public Task GetBySource(int evseId, string source) => Get(new(Station().Id, Station().Version, evseId) { Sources = [source] });

    /// <summary>
    /// Sends GetChargingProfiles without an evseId (every EVSE and the station) with a purpose as the only criterion.
    /// Example: <c>When the CSMS asks for the charging profiles of every EVSE with purpose "TxDefaultProfile"</c>
    /// </summary>
    [When("the CSMS asks for the charging profiles of every EVSE with purpose {string}")]
    public Task GetEverywhere(string purpose) => Get(new(Station().Id, Station().Version) { Purpose = purpose });

    /// <summary>
    /// Sends GetChargingProfiles without an evseId for one profile id.
    /// Example: <c>When the CSMS asks for the charging profile with id 100</c>
    /// </summary>
    [When("the CSMS asks for the charging profile with id {int}")]
    public Task GetById(int id) => Get(new(Station().Id, Station().Version) { ProfileIds = [id] });

    /// <summary>
    /// Sends ClearChargingProfile with only a chargingProfileId (no criteria).
    /// Example: <c>When the CSMS clears the charging profile with id 100</c>
    /// </summary>
    [When("the CSMS clears the charging profile with id {int}")]
    public Task ClearById(int id) => Perform(new ClearChargingProfileCommand(Station().Id, Station().Version) { ProfileId = id });

    /// <summary>
    /// Sends ClearChargingProfile with criteria only: a purpose, a stack level and an EVSE (no chargingProfileId).
    /// Example: <c>When the CSMS clears the "TxDefaultProfile" profiles at stack level 1 on EVSE 1</c>
    /// </summary>
    [When("the CSMS clears the {string} profiles at stack level {int} on EVSE {int}")]
    public Task ClearByCriteria(string purpose, int stackLevel, int evseId) =>
        Perform(new ClearChargingProfileCommand(Station().Id, Station().Version, evseId) { Purpose = purpose, StackLevel = stackLevel });

    /// <summary>
    /// Sends GetCompositeSchedule for an EVSE (0: the whole station) over a number of seconds in A or W.
    /// Example: <c>When the CSMS asks for the composite schedule of EVSE 0 over 300 s in A</c>
    /// </summary>
    [When("the CSMS asks for the composite schedule of EVSE {int} over {int} s in {word}")]
    public Task Composite(int evseId, int seconds, string unit) =>
        Perform(new GetCompositeScheduleCommand(Station().Id, Station().Version, evseId, seconds) { Unit = Unit(unit) });

    /// <summary>
    /// Checks the CSMS's latest SetChargingProfile for the EVSE: a TxProfile naming the transaction the station reported
    /// running there (2.0.1 K01.FR.03: the CSMS includes the transactionId of a TxProfile).
    /// Example: <c>Then the CSMS's TxProfile on EVSE 1 names the running transaction</c>
    /// </summary>
    [Then("the CSMS's TxProfile on EVSE {int} names the running transaction")]
    public void TxProfileNamesTransaction(int evseId)
    {
        var station = Station();
        var call = world.CsmsExchanges.LastOrDefault(e => e.Call.Action == "SetChargingProfile" && e.Call.EvseId == evseId)?.Call
            ?? throw new TrafficAssertionException($"the CSMS sent no SetChargingProfile for EVSE {evseId}", []);
        var running = CsmsTraffic.TransactionIdOn(world.Recorder.Query(), station.Id, station.Version, evseId);
        var purpose = call.Payload is { } p && FrameFields.At(p, "chargingProfile.chargingProfilePurpose") is { } pp ? FrameFields.Text(pp) : null;
        var named = call.Payload is { } q && FrameFields.At(q, "chargingProfile.transactionId") is { } t ? FrameFields.Text(t) : null;
        if (purpose != "TxProfile" || running is null || named != running)
        {
            throw new TrafficAssertionException(
                $"K01.FR.03: a TxProfile for EVSE {evseId} must name the transaction running there ({running ?? "none reported"}); the CSMS sent purpose {purpose ?? "none"} with transactionId {named ?? "left out"}",
                [call]);
        }
    }

    /// <summary>
    /// Waits for every part of the station's report on the CSMS's latest request of that action (the CALLs of the
    /// report action carrying its requestId, up to the one without tbc) and checks that the CSMS answered each with a
    /// CALLRESULT, in time and without a CALLERROR. Fails naming the parts left unanswered or answered with an error.
    /// Example: <c>Then the CSMS answered each "ReportChargingProfiles" carrying the requestId of its last "GetChargingProfiles"</c>
    /// </summary>
    [Then("the CSMS answered each {string} carrying the requestId of its last {string}")]
    public async Task AnsweredEachReport(string report, string request)
    {
        var call = CsmsPerform.Latest(world, request).Call;
        var requestId = (call.Payload is { } p && FrameFields.At(p, "requestId") is { } id ? FrameFields.Text(id) : null)
            ?? throw new TrafficAssertionException($"the CSMS's {request} has no requestId", [call]);
        var stationId = call.StationId;
        TrafficQuery Parts(TrafficQuery q) =>
            q.Station(stationId).Sent().Calls().Action(report).Where(f => f.Sequence > call.Sequence, "after the request").With("requestId", requestId);
        bool Complete(TrafficQuery q)
        {
            var parts = Parts(q).Frames;
            return parts.Any(f => f.Payload is not { } pl || FrameFields.At(pl, "tbc") is not { ValueKind: System.Text.Json.JsonValueKind.True })
                && parts.All(f => q.AnswerTo(f) is not null);
        }

        var query = await SettledAsync(Complete, $"every {report} of request {requestId}, answered").ConfigureAwait(false);
        var sent = Parts(query).Frames;
        if (sent.Count == 0)
        {
            throw new InvalidOperationException($"the station sent no {report} for the CSMS's {request} {requestId}: did it hold a profile the request selects?");
        }

        var open = sent.Where(f => query.AnswerTo(f) is null).ToList();
        var errors = sent.Select(query.AnswerTo).OfType<RecordedFrame>().Where(a => a.MessageType != OcppMessageType.CallResult).ToList();
        if (open.Count > 0 || errors.Count > 0)
        {
            throw new TrafficAssertionException(
                $"the CSMS must answer every part of the {report} for its {request} {requestId} with a CALLRESULT; {errors.Count} answered with an error ({string.Join(", ", errors.Select(e => e.ErrorCode))}), {open.Count} left unanswered within {world.Simulator.WaitTimeout.TotalSeconds:0} s",
                [call, .. sent, .. errors]);
        }
    }

    /// <summary>
    /// Checks that the CSMS's latest ClearChargingProfile selects the profile the station holds with that id: its
    /// chargingProfileId is that id, or every criterion it gives (evseId, purpose, stack level) is the profile's
    /// (2.0.1 K10.FR.02). Example: <c>Then the CSMS's last ClearChargingProfile selects the station's profile 100</c>
    /// </summary>
    [Then("the CSMS's last ClearChargingProfile selects the station's profile {int}")]
    public void ClearSelects(int id)
    {
        if (!Held().TryGetValue(id, out var profile))
        {
            throw new InvalidOperationException($"the station holds no profile {id}: add Given the station holds a ... with id {id}");
        }

        var call = CsmsPerform.Latest(world, "ClearChargingProfile").Call;
        var payload = call.Payload ?? throw new TrafficAssertionException("the CSMS's ClearChargingProfile has no payload", [call]);
        string? At(string path) => FrameFields.At(payload, path) is { } v ? FrameFields.Text(v) : null;
        var expected = new (string Path, string Value)[]
        {
            ("chargingProfileCriteria.evseId", profile.EvseId.ToString(CultureInfo.InvariantCulture)),
            ("chargingProfileCriteria.chargingProfilePurpose", Ocpp2SmartCharging.ToOcpp2(profile.Purpose).ToString()),
            ("chargingProfileCriteria.stackLevel", profile.StackLevel.ToString(CultureInfo.InvariantCulture)),
        };
        var byId = At("chargingProfileId");
        var given = expected.Where(e => At(e.Path) is not null).ToList();
        var matches = byId is not null
            ? byId == id.ToString(CultureInfo.InvariantCulture)
            : given.Count > 0 && given.All(e => At(e.Path) == e.Value);
        if (!matches)
        {
            throw new TrafficAssertionException(
                $"K10.FR.02: the CSMS's ClearChargingProfile must select profile {id} ({profile.Purpose} at stack level {profile.StackLevel} on EVSE {profile.EvseId}) by its id or by criteria it meets; it sent {(byId is not null ? $"chargingProfileId {byId}" : given.Count == 0 ? "neither an id nor criteria" : string.Join(", ", given.Select(e => $"{e.Path} = {At(e.Path)}")))}",
                [call]);
        }
    }

    private static DateTimeOffset Now(StationEngine engine)
    {
        var now = engine.Clock.Time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static string Unit(string unit) => unit switch
    {
        "A" or "W" => unit,
        _ => throw new ArgumentException($"'{unit}' is not a charging rate unit: A or W"),
    };

    private static DerSim.Ocpp.V21.ChargingProfilePurposeEnumType ParsePurpose(string purpose) =>
        Enum.TryParse<DerSim.Ocpp.V21.ChargingProfilePurposeEnumType>(purpose, out var parsed)
            ? parsed
            : throw new ArgumentException($"'{purpose}' is not a charging profile purpose");

    private SetChargingProfileCommand Limited(string purpose, int evseId, float limit, string unit)
    {
        var station = Station();
        return Unit(unit) == "W"
            ? new SetChargingProfileCommand(station.Id, station.Version, purpose, evseId, LimitW: (decimal)limit, ProfileId: NextProfileId())
            : new SetChargingProfileCommand(station.Id, station.Version, purpose, evseId, LimitW: null, LimitA: (decimal)limit, ProfileId: NextProfileId());
    }

    // A fresh id per profile the scenario asks for: two profiles of one scenario never replace each other by accident.
    private int NextProfileId()
    {
        var next = scenario.TryGetValue(NextIdKey, out int last) ? last + 1 : 201;
        scenario[NextIdKey] = next;
        return next;
    }

    private Dictionary<int, ChargingProfile> Held()
    {
        if (!scenario.TryGetValue(HeldKey, out Dictionary<int, ChargingProfile> held))
        {
            held = [];
            scenario[HeldKey] = held;
        }

        return held;
    }

    private async Task<TrafficQuery> SettledAsync(Func<TrafficQuery, bool> condition, string expectation)
    {
        try
        {
            return await world.Simulator.WaitForAsync(condition, expectation).ConfigureAwait(false);
        }
        catch (TrafficAssertionException)
        {
            // What did not arrive in time is named by the check.
            return world.Recorder.Query();
        }
    }

    private StationEngine Engine() =>
        Station().Runner?.Engine ?? throw new InvalidOperationException("the station is not connected: start with Given the station is Booted");

    private StationUnderTest Station() => world.Simulator.Station();

    private Task Get(GetChargingProfilesCommand command) => Perform(command);

    private Task Perform(CsmsCommand command) => CsmsPerform.RunAsync(world, scenario, command);
}
