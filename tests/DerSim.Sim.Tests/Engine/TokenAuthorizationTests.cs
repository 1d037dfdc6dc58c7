using System.Text.Json;
using DerSim.Ocpp;
using DerSim.Ocpp.Rpc;
using DerSim.Sim.Engine;
using DerSim.Sim.StationModel;

namespace DerSim.Sim.Tests.Engine;

/// <summary>
/// What the station does with the tokens drivers present, in 2.0.1 and 2.1 against a real loopback CSMS that knows
/// some tokens: the authorization cache (C10–C12: learnt from the answers, used with LocalPreAuthorize, corrected by the
/// transaction's answer, StopTxOnInvalidId, ClearCache), a token of the starting token's group stopping the transaction
/// (C09.FR.03), and the Master Pass (C16: with a user interface's pick, or every transaction without one); in 1.6 the
/// cache and the parentIdTag group as well.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class TokenAuthorizationTests
{
    private const string TwoPorts = "EVSE-AC-7.4kW-2port";
    private const string MasterGroup = "POLICE";

    // The CSMS's tokens: A and B in group FLEET, C alone, M the Master Pass; anything else Invalid.
    private static readonly Dictionary<string, (string Status, string? Group)> Known = new(StringComparer.Ordinal)
    {
        ["04A1B2C3"] = ("Accepted", "FLEET"),
        ["04C0FFEE"] = ("Accepted", "FLEET"),
        ["04D5E6F7"] = ("Accepted", null),
        ["04BADA55"] = ("Accepted", MasterGroup),
    };

    [TestCase(OcppVersion.V16)]
    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task With_LocalPreAuthorize_a_token_accepted_before_starts_from_the_cache_without_an_Authorize(OcppVersion version)
    {
        await using var rig = await StartAsync(version, "CACHE-OK", s => Set(s, "AuthCtrlr", "LocalPreAuthorize", "true"));
        await ChargeAndLeaveAsync(rig, 1, "04D5E6F7");
        rig.Calls("Authorize").Count.ShouldBe(1, rig.Describe());

        await ChargeAndLeaveAsync(rig, 1, "04D5E6F7");

        rig.Calls("Authorize").Count.ShouldBe(1, "the second start came from the cache: " + rig.Describe());
        rig.Calls(version == OcppVersion.V16 ? "StartTransaction" : "TransactionEvent")
            .Count(c => c.Payload.TryGetProperty("eventType", out var type) ? type.GetString() == "Started" && Token(c.Payload) == "04D5E6F7" : c.Payload.GetProperty("idTag").GetString() == "04D5E6F7")
            .ShouldBe(2);
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Without_LocalPreAuthorize_the_station_asks_the_CSMS_every_time(OcppVersion version)
    {
        await using var rig = await StartAsync(version, "CACHE-ASK");
        await ChargeAndLeaveAsync(rig, 1, "04D5E6F7");
        await ChargeAndLeaveAsync(rig, 1, "04D5E6F7");

        rig.Calls("Authorize").Count.ShouldBe(2, rig.Describe());
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_cached_token_the_CSMS_refuses_at_the_start_ends_the_transaction_and_is_cached_as_refused(OcppVersion version)
    {
        await using var rig = await StartAsync(version, "CACHE-BAD", s =>
        {
            Set(s, "AuthCtrlr", "LocalPreAuthorize", "true");
            s.AuthorizationCache.Preset("0F0E0D0C", "Accepted", null);
        });
        var engine = rig.Runner.Engine;
        await engine.SteppedSessions.PlugInAsync(1, new EvArrival(null, 20, 80), CancellationToken.None);

        (await engine.SteppedSessions.PresentTokenAsync(1, "0F0E0D0C", CancellationToken.None)).ShouldBeTrue();

        await rig.UntilAsync(() => rig.TransactionEvents().Any(e => e.GetProperty("eventType").GetString() == "Ended"), "the refused transaction ended");
        rig.Calls("Authorize").ShouldBeEmpty();
        var ended = rig.TransactionEvents().Single(e => e.GetProperty("eventType").GetString() == "Ended");
        ended.GetProperty("triggerReason").GetString().ShouldBe("Deauthorized");
        ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString().ShouldBe("DeAuthorized");
        engine.Station.AuthorizationCache.Lookup("0F0E0D0C", engine.Clock.Time.GetUtcNow())!.Status.ShouldBe("Invalid");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task With_StopTxOnInvalidId_false_a_refused_start_keeps_the_transaction_without_energy(OcppVersion version)
    {
        await using var rig = await StartAsync(version, "KEEP-BAD", s =>
        {
            Set(s, "AuthCtrlr", "LocalPreAuthorize", "true");
            Set(s, "TxCtrlr", "StopTxOnInvalidId", "false");
            s.AuthorizationCache.Preset("0F0E0D0C", "Accepted", null);
        });
        var engine = rig.Runner.Engine;
        await engine.SteppedSessions.PlugInAsync(1, new EvArrival(null, 20, 80), CancellationToken.None);
        await engine.SteppedSessions.PresentTokenAsync(1, "0F0E0D0C", CancellationToken.None);
        await rig.UntilAsync(() => rig.Log.Any(l => l.Contains("StopTxOnInvalidId false", StringComparison.Ordinal)), "the station kept the transaction");

        rig.ReleaseTime();
        await Task.Delay(300);

        engine.TransactionOn(1).ShouldNotBeNull("the transaction goes on until the EV leaves");
        rig.TransactionEvents().ShouldNotContain(e => e.GetProperty("eventType").GetString() == "Ended");
        engine.EvseNow(1)!.EnergyAllowed.ShouldBeFalse("MaxEnergyOnInvalidId 0: no energy");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task With_StopTxOnInvalidId_false_a_refused_start_may_take_MaxEnergyOnInvalidId_then_is_suspended(OcppVersion version)
    {
        await using var rig = await StartAsync(version, "MAXE-BAD", s =>
        {
            Set(s, "AuthCtrlr", "LocalPreAuthorize", "true");
            Set(s, "TxCtrlr", "StopTxOnInvalidId", "false");
            Set(s, "TxCtrlr", "MaxEnergyOnInvalidId", "50");
            s.AuthorizationCache.Preset("0F0E0D0C", "Accepted", null);
        });
        var engine = rig.Runner.Engine;
        await engine.SteppedSessions.PlugInAsync(1, new EvArrival(null, 20, 80), CancellationToken.None);
        await engine.SteppedSessions.PresentTokenAsync(1, "0F0E0D0C", CancellationToken.None);
        await rig.UntilAsync(() => rig.Log.Any(l => l.Contains("at most 50 Wh", StringComparison.Ordinal)), "the station kept the transaction with an energy budget");
        // The log line is written as the station decides; the EVSE's state follows on the engine's own turn.
        await rig.UntilAsync(() => engine.EvseNow(1)!.EnergyAllowed, "energy flows until the budget is spent");

        rig.ReleaseTime();
        await rig.UntilAsync(() => rig.Log.Any(l => l.Contains("MaxEnergyOnInvalidId reached", StringComparison.Ordinal)), "the budget spent");

        engine.EvseNow(1)!.EnergyAllowed.ShouldBeFalse();
        engine.TransactionOn(1).ShouldNotBeNull("the transaction goes on until the EV leaves");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task ClearCache_empties_the_authorization_cache(OcppVersion version)
    {
        await using var rig = await StartAsync(version, "CLEAR");
        await ChargeAndLeaveAsync(rig, 1, "04D5E6F7");
        rig.Runner.Station.AuthorizationCache.Count.ShouldBe(1);

        (await rig.CallAsync("ClearCache", "{}")).GetProperty("status").GetString().ShouldBe("Accepted");

        rig.Runner.Station.AuthorizationCache.Count.ShouldBe(0);
    }

    [Test]
    public async Task In_1_6_another_token_of_the_parentIdTag_stops_the_transaction()
    {
        await using var rig = await StartAsync(OcppVersion.V16, "GROUP16");
        var stepped = rig.Runner.Engine.SteppedSessions;
        await stepped.PlugInAsync(1, new EvArrival(null, 20, 80), CancellationToken.None);
        await stepped.PresentTokenAsync(1, "04A1B2C3", CancellationToken.None);

        (await stepped.PresentTokenAsync(1, "04D5E6F7", CancellationToken.None)).ShouldBeFalse("a token outside the group may not stop it");
        (await stepped.PresentTokenAsync(1, "04C0FFEE", CancellationToken.None)).ShouldBeTrue(rig.Describe());

        rig.Calls("StopTransaction").Single().Payload.GetProperty("reason").GetString().ShouldBe("Local");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Another_token_of_the_starting_tokens_group_stops_the_transaction_and_one_of_no_group_does_not(OcppVersion version)
    {
        await using var rig = await StartAsync(version, "GROUP");
        var stepped = rig.Runner.Engine.SteppedSessions;
        await stepped.PlugInAsync(1, new EvArrival(null, 20, 80), CancellationToken.None);
        await stepped.PresentTokenAsync(1, "04A1B2C3", CancellationToken.None);

        (await stepped.PresentTokenAsync(1, "04D5E6F7", CancellationToken.None)).ShouldBeFalse("a token outside the group may not stop it");
        rig.Runner.Engine.TransactionOn(1).ShouldNotBeNull();

        (await stepped.PresentTokenAsync(1, "04C0FFEE", CancellationToken.None)).ShouldBeTrue(rig.Describe());

        var ended = rig.TransactionEvents().Single(e => e.GetProperty("eventType").GetString() == "Ended");
        ended.GetProperty("triggerReason").GetString().ShouldBe("StopAuthorized");
        Token(ended).ShouldBe("04C0FFEE");
        ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString().ShouldBe("Local");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Without_a_user_interface_a_Master_Pass_stops_every_transaction_each_with_its_own_token(OcppVersion version)
    {
        await using var rig = await StartAsync(version, "MASTER-ALL", s => Set(s, "AuthCtrlr", "MasterPassGroupId", MasterGroup));
        await StartTwoAsync(rig);

        (await rig.Runner.Engine.SteppedSessions.PresentTokenAsync(1, "04BADA55", CancellationToken.None)).ShouldBeTrue();

        var ended = Ended(rig);
        ended.Count.ShouldBe(2, rig.Describe());
        ended.ShouldAllBe(e => e.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString() == "MasterPass");
        ended.Select(Token).Order().ShouldBe(["04A1B2C3", "04D5E6F7"]);
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task With_a_user_interface_a_Master_Pass_stops_only_the_picked_transaction_with_its_own_token(OcppVersion version)
    {
        await using var rig = await StartAsync(version, "MASTER-ONE", s => Set(s, "AuthCtrlr", "MasterPassGroupId", MasterGroup));
        await StartTwoAsync(rig);

        await rig.Runner.Engine.SteppedSessions.PresentTokenAsync(1, "04BADA55", null, new MasterPassSelection([2]), CancellationToken.None);

        var ended = Ended(rig).Single();
        var onTwo = rig.TransactionEvents().Single(e => e.GetProperty("eventType").GetString() == "Started" && e.GetProperty("evse").GetProperty("id").GetInt32() == 2);
        TransactionId(ended).ShouldBe(TransactionId(onTwo));
        Token(ended).ShouldBe("04BADA55");
        ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString().ShouldBe("MasterPass");
        rig.Runner.Engine.TransactionOn(1).ShouldNotBeNull("the transaction not picked goes on");
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task A_Master_Pass_starts_no_transaction(OcppVersion version)
    {
        await using var rig = await StartAsync(version, "MASTER-NOSTART", s => Set(s, "AuthCtrlr", "MasterPassGroupId", MasterGroup));
        await rig.Runner.Engine.SteppedSessions.PlugInAsync(1, new EvArrival(null, 20, 80), CancellationToken.None);

        await rig.Runner.Engine.SteppedSessions.PresentTokenAsync(1, "04BADA55", CancellationToken.None);

        rig.TransactionEvents().ShouldBeEmpty();
        rig.Runner.Engine.TransactionOn(1).ShouldBeNull();
    }

    [TestCase(OcppVersion.V201)]
    [TestCase(OcppVersion.V21)]
    public async Task Without_MasterPassGroupId_the_Master_Pass_group_is_an_ordinary_group(OcppVersion version)
    {
        await using var rig = await StartAsync(version, "MASTER-OFF");
        await StartTwoAsync(rig);

        (await rig.Runner.Engine.SteppedSessions.PresentTokenAsync(1, "04BADA55", CancellationToken.None)).ShouldBeFalse();

        Ended(rig).ShouldBeEmpty();
    }

    private static async Task<LoopbackCsmsRig> StartAsync(OcppVersion version, string id, Action<ChargingStation>? setUp = null)
    {
        var rig = await LoopbackCsmsRig.StartAsync(version, $"{id}-{version}", TwoPorts, new SessionPlan { Sessions = 0 }, version == OcppVersion.V16 ? KnowTokens16 : KnowTokens, setUp);
        await rig.UntilAsync(() => rig.Runner.Engine.IsAttached, "the station booted");
        return rig;
    }

    private static void KnowTokens(OcppRpcPeer peer)
    {
        peer.OnRaw("Authorize", (request, ct) => ValueTask.FromResult(LoopbackCsmsRig.Json($$"""{"idTokenInfo":{{Info(request)}}}""")));
        peer.OnRaw("TransactionEvent", (request, ct) => ValueTask.FromResult(LoopbackCsmsRig.Json(
            request.TryGetProperty("idToken", out _) ? $$"""{"idTokenInfo":{{Info(request)}}}""" : "{}")));
    }

    private static void KnowTokens16(OcppRpcPeer peer)
    {
        peer.OnRaw("Authorize", (request, ct) => ValueTask.FromResult(LoopbackCsmsRig.Json($$"""{"idTagInfo":{{Info16(request)}}}""")));
        peer.OnRaw("StartTransaction", (request, ct) => ValueTask.FromResult(LoopbackCsmsRig.Json($$"""{"transactionId":1,"idTagInfo":{{Info16(request)}}}""")));
    }

    private static string Info16(JsonElement request)
    {
        var (status, group) = Known.TryGetValue(request.GetProperty("idTag").GetString()!, out var known) ? known : ("Invalid", null);
        return group is null ? $$"""{"status":"{{status}}"}""" : $$"""{"status":"{{status}}","parentIdTag":"{{group}}"}""";
    }

    private static string Info(JsonElement request)
    {
        var (status, group) = Known.TryGetValue(Token(request)!, out var known) ? known : ("Invalid", null);
        return group is null ? $$"""{"status":"{{status}}"}""" : $$$"""{"status":"{{{status}}}","groupIdToken":{"idToken":"{{{group}}}","type":"Central"}}""";
    }

    private static string? Token(JsonElement request) =>
        request.TryGetProperty("idToken", out var token) ? token.GetProperty("idToken").GetString() : null;

    private static void Set(ChargingStation station, string component, string variable, string value) =>
        station.Configuration.Preset(station.Configuration.Get(component, variable)!, value);

    private static async Task ChargeAndLeaveAsync(LoopbackCsmsRig rig, int evseId, string token)
    {
        var stepped = rig.Runner.Engine.SteppedSessions;
        await stepped.PlugInAsync(evseId, new EvArrival(null, 20, 80), CancellationToken.None);
        (await stepped.PresentTokenAsync(evseId, token, CancellationToken.None)).ShouldBeTrue(rig.Describe());
        await stepped.UnplugAsync(evseId, CancellationToken.None);
    }

    private static async Task StartTwoAsync(LoopbackCsmsRig rig)
    {
        var stepped = rig.Runner.Engine.SteppedSessions;
        foreach (var (evse, token) in new[] { (1, "04A1B2C3"), (2, "04D5E6F7") })
        {
            await stepped.PlugInAsync(evse, new EvArrival(null, 20, 80), CancellationToken.None);
            (await stepped.PresentTokenAsync(evse, token, CancellationToken.None)).ShouldBeTrue(rig.Describe());
        }
    }

    private static string? TransactionId(JsonElement transactionEvent) =>
        transactionEvent.GetProperty("transactionInfo").GetProperty("transactionId").GetString();

    private static List<JsonElement> Ended(LoopbackCsmsRig rig) =>
        [.. rig.TransactionEvents().Where(e => e.GetProperty("eventType").GetString() == "Ended")];
}
