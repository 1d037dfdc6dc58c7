using System.Text.Json;
using DerSim.Harness.Drivers;
using DerSim.Harness.Drivers.Csms;
using DerSim.Harness.Traffic;
using Reqnroll;

namespace DerSim.Harness.Steps;

/// <summary>
/// The OCA cases of the OCPP 1.6 SmartCharging profile (TC_056, TC_057, TC_059, TC_066, TC_067) beyond the block K
/// steps they share: clearing a profile by the id the CSMS gave it, and the checks of a 1.6 charging profile the CSMS
/// sent (the transaction a TxProfile names, the fields its kind needs), each failing with the rule and the frame.
/// </summary>
[Binding]
public sealed class V16SmartChargingCaseSteps(ScenarioWorld world, ScenarioContext scenario)
{
    /// <summary>
    /// Makes the CSMS send ClearChargingProfile with only the id of the profile of that purpose it set earlier in the
    /// scenario (the id read from its own SetChargingProfile: the CSMS numbers its profiles itself); no connector,
    /// purpose or stack level. Example: <c>When the CSMS clears its "ChargePointMaxProfile" by the id it gave it</c>
    /// </summary>
    [When("the CSMS clears its {string} by the id it gave it")]
    public Task ClearByOwnId(string purpose)
    {
        var station = world.Simulator.Station();
        var (call, profile) = ProfileOf([.. world.CsmsExchanges.Where(e => e.Call.Action == "SetChargingProfile").Select(e => e.Call)], purpose);
        var id = FrameFields.At(profile, "chargingProfileId") ?? FrameFields.At(profile, "id")
            ?? throw new TrafficAssertionException($"the CSMS's SetChargingProfile of its {purpose} has no profile id", [call]);
        return CsmsPerform.RunAsync(world, scenario, new ClearChargingProfileCommand(station.Id, station.Version) { ProfileId = id.GetInt32() });
    }

    /// <summary>
    /// Checks the CSMS's latest CALL of an action: the field at the JSON path names the transaction the station reported
    /// running on the EVSE (1.6: the transactionId of its StartTransaction answer). The OCA TxProfile cases (TC_057,
    /// TC_067; 1.6 §3.13.4: a TxProfile applies to the transaction it names) ask this of every TxProfile the CSMS sets.
    /// Example: <c>Then the CSMS's last "SetChargingProfile" names the transaction running on EVSE 1 in "csChargingProfiles.transactionId"</c>
    /// </summary>
    [Then("the CSMS's last {string} names the transaction running on EVSE {int} in {string}")]
    public void NamesRunningTransaction(string action, int evseId, string path)
    {
        var station = world.Simulator.Station();
        var call = CsmsPerform.Latest(world, action).Call;
        var running = CsmsTraffic.TransactionIdOn(world.Recorder.Query(), station.Id, station.Version, evseId)
            ?? throw new InvalidOperationException($"no transaction of {station.Id} runs on EVSE {evseId}: start one first");
        var named = call.Payload is { } p && FrameFields.At(p, path) is { } t ? FrameFields.Text(t) : null;
        if (named != running)
        {
            throw new TrafficAssertionException(
                $"rule (TxProfile): the CSMS's {call.Action} must name the transaction running on EVSE {evseId} ({running}) in {path}; it sent {(named is null ? "none" : named)}",
                [call]);
        }
    }

    /// <summary>
    /// Checks the charging profile (1.6 csChargingProfiles or chargingProfile) of the CSMS's latest CALL of an action as
    /// the OCA 1.6 TxProfile cases (TC_057, TC_059) validate it: Absolute or Relative, no recurrencyKind; an Absolute
    /// profile carries validFrom, validTo, its schedule's startSchedule and duration; a Relative one's schedule has no
    /// startSchedule (1.6 §7.8: a relative schedule starts with the transaction). Fails naming the field, quoting the CALL.
    /// Example: <c>Then the TxProfile of the CSMS's last "SetChargingProfile" has the fields its kind needs</c>
    /// </summary>
    [Then("the TxProfile of the CSMS's last {string} has the fields its kind needs")]
    public void TxProfileFitsKind(string action)
    {
        var call = CsmsPerform.Latest(world, action).Call;
        var profile = Profile(call) ?? throw new TrafficAssertionException($"rule: the CSMS's {call.Action} carries a charging profile; it has none", [call]);
        var kind = FrameFields.At(profile, "chargingProfileKind") is { } k ? FrameFields.Text(k) : null;
        var schedule = FrameFields.At(profile, "chargingSchedule");
        string? problem = kind switch
        {
            "Absolute" => new[] { "validFrom", "validTo" }.FirstOrDefault(f => FrameFields.At(profile, f) is null) is { } missing
                ? $"an Absolute TxProfile carries {missing}"
                : new[] { "startSchedule", "duration" }.FirstOrDefault(f => schedule is not { } s || FrameFields.At(s, f) is null) is { } missingInSchedule
                    ? $"an Absolute TxProfile's schedule carries {missingInSchedule}"
                    : null,
            "Relative" => schedule is { } s && FrameFields.At(s, "startSchedule") is not null ? "a Relative TxProfile's schedule has no startSchedule" : null,
            _ => $"a TxProfile is Absolute or Relative, not {kind ?? "of no kind"}",
        };
        problem ??= FrameFields.At(profile, "recurrencyKind") is not null ? "a TxProfile has no recurrencyKind" : null;
        if (problem is not null)
        {
            throw new TrafficAssertionException($"rule: {problem}; the CSMS's {call.Action} does not", [call]);
        }
    }

    private static JsonElement? Profile(RecordedFrame call) =>
        call.Payload is { } p ? FrameFields.At(p, "csChargingProfiles") ?? FrameFields.At(p, "chargingProfile") : null;

    private static (RecordedFrame Call, JsonElement Profile) ProfileOf(IReadOnlyList<RecordedFrame> calls, string purpose)
    {
        foreach (var call in calls)
        {
            if (Profile(call) is { } profile && FrameFields.At(profile, "chargingProfilePurpose") is { } p && FrameFields.Text(p) == purpose)
            {
                return (call, profile);
            }
        }

        throw new InvalidOperationException($"the CSMS set no {purpose} in this scenario: set one first");
    }
}
