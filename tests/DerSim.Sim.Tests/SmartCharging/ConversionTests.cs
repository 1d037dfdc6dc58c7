using DerSim.Ocpp;
using DerSim.Ocpp.Dialects;
using DerSim.Ocpp.Json;
using DerSim.Ocpp.Validation;
using DerSim.Sim.Profiles;
using DerSim.Sim.StationModel;
using DerSim.Sim.SmartCharging;
using DerSim.Ocpp.Tests.Validation;
using static DerSim.Sim.Tests.SmartCharging.Build;
using V16 = DerSim.Ocpp.V16;
using V21 = DerSim.Ocpp.V21;

namespace DerSim.Sim.Tests.SmartCharging;

/// <summary>Each version's messages convert to the model and back unchanged and schema-valid.</summary>
[TestFixture]
public sealed class ConversionTests
{
    private const string V16Set = """{"connectorId":1,"csChargingProfiles":{"chargingProfileId":12,"transactionId":42,"stackLevel":3,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Recurring","recurrencyKind":"Daily","validFrom":"2025-03-01T00:00:00.000Z","validTo":"2025-04-01T00:00:00.000Z","chargingSchedule":{"duration":7200,"startSchedule":"2025-03-01T22:00:00.000Z","chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.5,"numberPhases":1},{"startPeriod":3600,"limit":8.0}],"minChargingRate":6.1}}}""";

    private const string V201Set = """{"evseId":2,"chargingProfile":{"id":7,"stackLevel":1,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Absolute","validFrom":"2025-03-01T00:00:00.000Z","transactionId":"TX-9","chargingSchedule":[{"id":4,"startSchedule":"2025-03-10T08:00:00.000Z","duration":3600,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":50000.0,"numberPhases":3,"phaseToUse":1},{"startPeriod":1800,"limit":22000.5}],"minChargingRate":1000.0}]}}""";

    private const string V21Set = """{"evseId":1,"chargingProfile":{"id":5,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Relative","chargingSchedule":[{"id":1,"duration":900,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":11000.0,"dischargeLimit":-7000.0,"setpoint":-3000.0},{"startPeriod":300,"setpoint":2000.0}]}]}}""";

    [Test]
    public void V16_set_charging_profile_round_trips()
    {
        var request = SchemaCheck.Read<V16.SetChargingProfileRequest>(OcppVersion.V16, V16Set);

        var model = V16SmartCharging.FromV16(request);
        model.EvseId.ShouldBe(1);
        model.Purpose.ShouldBe(ChargingProfilePurpose.Tx);
        model.Kind.ShouldBe(ChargingProfileKind.Recurring);
        model.Recurrency.ShouldBe(RecurrencyKind.Daily);
        model.TransactionId.ShouldBe("42");
        model.Schedule.Periods[0].Limit.ShouldBe(16.5m);
        model.Schedule.Periods[0].NumberPhases.ShouldBe(1);
        model.Schedule.MinChargingRate.ShouldBe(6.1m);

        var back = new V16.SetChargingProfileRequest(model.EvseId, V16SmartCharging.ToV16(model));
        var json = SchemaCheck.Valid(OcppVersion.V16, "SetChargingProfile", PayloadKind.Request, back);
        RoundTrip.JsonEqual(System.Text.Json.Nodes.JsonNode.Parse(json), System.Text.Json.Nodes.JsonNode.Parse(V16Set)).ShouldBeTrue(json);
    }

    [Test]
    public void V201_set_charging_profile_round_trips()
    {
        var request = SchemaCheck.Read<V21.SetChargingProfileRequest>(OcppVersion.V201, V201Set);

        var model = Ocpp2SmartCharging.FromOcpp2(request);
        model.EvseId.ShouldBe(2);
        model.TransactionId.ShouldBe("TX-9");
        model.Schedule.Id.ShouldBe(4);
        model.Schedule.Periods[1].Limit.ShouldBe(22000.5m);
        model.Schedule.Periods[0].PhaseToUse.ShouldBe(1);

        var back = new V21.SetChargingProfileRequest(model.EvseId, Ocpp2SmartCharging.ToOcpp2(model));
        var json = SchemaCheck.Valid(OcppVersion.V201, "SetChargingProfile", PayloadKind.Request, back);
        RoundTrip.JsonEqual(System.Text.Json.Nodes.JsonNode.Parse(json), System.Text.Json.Nodes.JsonNode.Parse(V201Set)).ShouldBeTrue(json);
    }

    [Test]
    public void V21_set_charging_profile_keeps_discharge_limit_and_setpoint()
    {
        var request = SchemaCheck.Read<V21.SetChargingProfileRequest>(OcppVersion.V21, V21Set);

        var model = Ocpp2SmartCharging.FromOcpp2(request);
        model.Schedule.Periods[0].DischargeLimit.ShouldBe(-7000m);
        model.Schedule.Periods[0].Setpoint.ShouldBe(-3000m);
        model.Schedule.Periods[1].Limit.ShouldBeNull();

        var back = new V21.SetChargingProfileRequest(model.EvseId, Ocpp2SmartCharging.ToOcpp2(model));
        var json = SchemaCheck.Valid(OcppVersion.V21, "SetChargingProfile", PayloadKind.Request, back);
        RoundTrip.JsonEqual(System.Text.Json.Nodes.JsonNode.Parse(json), System.Text.Json.Nodes.JsonNode.Parse(V21Set)).ShouldBeTrue(json);
    }

    [Test]
    public void V21_only_purposes_and_dynamic_kind_map_both_ways()
    {
        foreach (var purpose in Enum.GetValues<V21.ChargingProfilePurposeEnumType>())
        {
            Ocpp2SmartCharging.ToOcpp2(Ocpp2SmartCharging.FromOcpp2(purpose)).ShouldBe(purpose);
        }

        var dynamic = new V21.ChargingProfileType(3, 0, V21.ChargingProfilePurposeEnumType.PriorityCharging, V21.ChargingProfileKindEnumType.Dynamic,
            [new V21.ChargingScheduleType(1, V21.ChargingRateUnitEnumType.W, [new V21.ChargingSchedulePeriodType(0) { Limit = 3000m }]) { StartSchedule = T0 }]);
        var model = Ocpp2SmartCharging.FromOcpp2(dynamic, 1);
        model.Kind.ShouldBe(ChargingProfileKind.Dynamic);
        model.Purpose.ShouldBe(ChargingProfilePurpose.PriorityCharging);
        var expected = SchemaCheck.Valid(OcppVersion.V21, "SetChargingProfile", PayloadKind.Request, new V21.SetChargingProfileRequest(1, dynamic));
        var actual = SchemaCheck.Valid(OcppVersion.V21, "SetChargingProfile", PayloadKind.Request, new V21.SetChargingProfileRequest(1, Ocpp2SmartCharging.ToOcpp2(model)));
        actual.ShouldBe(expected);
    }

    [Test]
    public void Purposes_a_version_lacks_are_refused_not_silently_mapped()
    {
        var external = Absolute(1, ChargingProfilePurpose.ChargingStationExternalConstraints, 0, T0, ChargingRateUnit.W, (0, 1000m));
        Should.Throw<ArgumentException>(() => V16SmartCharging.ToV16(external));

        // 2.0.1 and 2.1 share the 2.1 types, so a 2.1-only purpose is no conversion error in 2.0.1: 2.0.1's own schema
        // refuses it on the wire, in both directions.
        var localGeneration = OcppJson.Serialize(
            new V21.SetChargingProfileRequest(1, Ocpp2SmartCharging.ToOcpp2(external with { Purpose = ChargingProfilePurpose.LocalGeneration })),
            OcppActionTables.For(OcppVersion.V201));
        new OcppSchemaValidator().Validate(OcppVersion.V201, "SetChargingProfile", PayloadKind.Request, localGeneration)
            .ShouldContain(v => v.Path == "$.chargingProfile.chargingProfilePurpose");
        new OcppSchemaValidator().Validate(OcppVersion.V21, "SetChargingProfile", PayloadKind.Request, localGeneration).ShouldBeEmpty();
        Should.Throw<ArgumentException>(() => V16SmartCharging.ToV16(Profile(1, ChargingProfilePurpose.Tx, 0, ChargingRateUnit.W, (0, 1m)) with { TransactionId = "TX-1" }));
    }

    [Test]
    public void Clear_requests_become_queries()
    {
        V16SmartCharging.FromV16(new V16.ClearChargingProfileRequest { Id = 4, ConnectorId = 1 }).ShouldBe(ChargingProfileQuery.ById(4), new QueryComparer());
        var byCriteria = V16SmartCharging.FromV16(new V16.ClearChargingProfileRequest
        {
            ConnectorId = 0,
            ChargingProfilePurpose = V16.ChargingProfilePurpose.ChargePointMaxProfile,
            StackLevel = 2,
        });
        byCriteria.EvseId.ShouldBe(0);
        byCriteria.Purpose.ShouldBe(ChargingProfilePurpose.ChargingStationMax);
        byCriteria.StackLevel.ShouldBe(2);

        var v201 = Ocpp2SmartCharging.FromOcpp2(new V21.ClearChargingProfileRequest
        {
            ChargingProfileCriteria = new V21.ClearChargingProfileType { EvseId = 2, ChargingProfilePurpose = V21.ChargingProfilePurposeEnumType.TxDefaultProfile },
        });
        v201.EvseId.ShouldBe(2);
        v201.Purpose.ShouldBe(ChargingProfilePurpose.TxDefault);
        v201.Ids.ShouldBeNull();

        Ocpp2SmartCharging.FromOcpp2(new V21.ClearChargingProfileRequest { ChargingProfileId = 8 }).Ids.ShouldBe([8]);
    }

    [Test]
    public void Get_charging_profiles_reports_valid_v201_and_v21_frames()
    {
        var store = StoreWithTransaction();
        store.Install(0, Absolute(1, ChargingProfilePurpose.ChargingStationMax, 0, T0, ChargingRateUnit.W, (0, 150000m)));
        store.Install(1, Profile(2, ChargingProfilePurpose.Tx, 0, ChargingRateUnit.W, (0, 50000m)) with { TransactionId = "TX-1" });
        store.InstallExternal(0, Absolute(3, ChargingProfilePurpose.ChargingStationExternalConstraints, 0, T0, ChargingRateUnit.W, (0, 90000m)));

        var request = SchemaCheck.Read<V21.GetChargingProfilesRequest>(OcppVersion.V201,
            """{"requestId":17,"chargingProfile":{"chargingLimitSource":["CSO"]}}""");
        var found = store.Get(Ocpp2SmartCharging.FromOcpp2(request));
        found.Select(p => p.Id).ShouldBe([1, 2]);
        SchemaCheck.Valid(OcppVersion.V201, "GetChargingProfiles", PayloadKind.Response, Ocpp2SmartCharging.ToOcpp2GetResponse(found));

        var reports = Ocpp2SmartCharging.ToOcpp2Reports(request.RequestId, found);
        reports.Select(r => (r.EvseId, r.Tbc)).ShouldBe([(0, (bool?)true), (1, null)]);
        foreach (var report in reports)
        {
            SchemaCheck.Valid(OcppVersion.V201, "ReportChargingProfiles", PayloadKind.Request, report);
        }

        var all = store.Get(new ChargingProfileQuery());
        var v21Reports = Ocpp2SmartCharging.ToOcpp2Reports(18, all);
        v21Reports.Select(r => (r.EvseId, r.ChargingLimitSource)).ShouldBe([(0, "CSO"), (0, "EMS"), (1, "CSO")]);
        foreach (var report in v21Reports)
        {
            SchemaCheck.Valid(OcppVersion.V21, "ReportChargingProfiles", PayloadKind.Request, report);
        }

        SchemaCheck.Valid(OcppVersion.V201, "GetChargingProfiles", PayloadKind.Response, Ocpp2SmartCharging.ToOcpp2GetResponse([]))
            .ShouldContain("NoProfiles");
    }

    [Test]
    public void Install_results_become_valid_responses_with_reason_codes()
    {
        var rejected = new ChargingProfileStore().Install(1, Profile(1, ChargingProfilePurpose.Tx, 0, ChargingRateUnit.W, (0, 1000m)) with { TransactionId = "X" });

        SchemaCheck.Valid(OcppVersion.V16, "SetChargingProfile", PayloadKind.Response, V16SmartCharging.ToV16(rejected)).ShouldContain("Rejected");
        SchemaCheck.Valid(OcppVersion.V201, "SetChargingProfile", PayloadKind.Response, Ocpp2SmartCharging.ToOcpp2(rejected, Ocpp2Dialect.V201)).ShouldContain("TxNotFound");
        SchemaCheck.Valid(OcppVersion.V21, "SetChargingProfile", PayloadKind.Response, Ocpp2SmartCharging.ToOcpp2(rejected, Ocpp2Dialect.V21)).ShouldContain("TxNotFound");
        SchemaCheck.Valid(OcppVersion.V21, "SetChargingProfile", PayloadKind.Response, Ocpp2SmartCharging.ToOcpp2(ProfileInstallResult.Accepted, Ocpp2Dialect.V21)).ShouldContain("Accepted");
        SchemaCheck.Valid(OcppVersion.V16, "ClearChargingProfile", PayloadKind.Response, V16SmartCharging.ToV16(ProfileClearStatus.Unknown)).ShouldContain("Unknown");
        SchemaCheck.Valid(OcppVersion.V201, "ClearChargingProfile", PayloadKind.Response, Ocpp2SmartCharging.ToOcpp2(ProfileClearStatus.Accepted)).ShouldContain("Accepted");
    }

    [Test]
    public void Composite_schedules_are_valid_get_composite_schedule_responses_in_every_version()
    {
        var store = StoreWithTransaction();
        store.Install(0, Absolute(1, ChargingProfilePurpose.ChargingStationMax, 0, T0, ChargingRateUnit.W, (0, 40000m), (1800, 20000m)));
        store.Install(1, Profile(2, ChargingProfilePurpose.Tx, 0, ChargingRateUnit.A, (0, 16m), (600, 32m)) with { TransactionId = "TX-1" });
        var ctx = Ac3 with { MaxKw = 22.08 };

        // 16 A × 230 V × 3 = 11.04 kW; 32 A = 22.08 kW, under the station's 40 kW until 20 kW takes over at 1800 s.
        var inAmps = store.CompositeSchedule(1, T0, 3600, ChargingRateUnit.A, ctx);
        inAmps.Periods.Select(p => (p.StartPeriod, Math.Round(p.Limit!.Value, 6))).ShouldBe([(0, 16.0), (600, 32.0), (1800, 28.985507)]);

        var v16 = V16SmartCharging.ToV16(inAmps);
        v16.ChargingSchedule!.ChargingSchedulePeriod.Select(p => p.Limit).ShouldBe([16.0m, 32.0m, 28.9m], "rounded down to 0.1: never above the limit");
        SchemaCheck.Valid(OcppVersion.V16, "GetCompositeSchedule", PayloadKind.Response, v16);

        var inWatts = store.CompositeSchedule(1, T0, 3600, ChargingRateUnit.W, ctx);
        var v201 = Ocpp2SmartCharging.ToOcpp2Response(inWatts, Ocpp2Dialect.V201);
        v201.Schedule!.ChargingSchedulePeriod.Select(p => p.Limit).ShouldBe([11040.0m, 22080.0m, 20000.0m]);
        SchemaCheck.Valid(OcppVersion.V201, "GetCompositeSchedule", PayloadKind.Response, v201);
        SchemaCheck.Valid(OcppVersion.V21, "GetCompositeSchedule", PayloadKind.Response, Ocpp2SmartCharging.ToOcpp2Response(inWatts, Ocpp2Dialect.V21));
    }

    [Test]
    public void Composite_without_any_limit_needs_a_hardware_max_for_v16_and_v201_but_not_v21()
    {
        var composite = new ChargingProfileStore().CompositeSchedule(1, T0, 60, ChargingRateUnit.W, Dc400);
        composite.Periods.ShouldHaveSingleItem().Limit.ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => V16SmartCharging.ToV16(composite));
        Should.Throw<InvalidOperationException>(() => Ocpp2SmartCharging.ToOcpp2(composite, Ocpp2Dialect.V201));
        SchemaCheck.Valid(OcppVersion.V21, "GetCompositeSchedule", PayloadKind.Response, Ocpp2SmartCharging.ToOcpp2Response(composite, Ocpp2Dialect.V21));
    }

    [Test]
    public void Seed_dc150_tx_profile_of_50_kw_in_w_limits_to_50_kw_in_201_and_16()
    {
        var dc150 = new ElectricalContext(400, 1, CurrentType.DC) { MaxKw = 150 };

        // 2.0.1: the CSMS sends the TxProfile once the transaction has started.
        var store201 = new ChargingProfileStore(SmartChargingRules.Ocpp2);
        store201.StartTransaction(1, "b7c2e4f0-tx", T0);
        var set201 = SchemaCheck.Read<V21.SetChargingProfileRequest>(OcppVersion.V201,
            """{"evseId":1,"chargingProfile":{"id":1,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative","transactionId":"b7c2e4f0-tx","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":50000.0}]}]}}""");
        store201.Install(set201.EvseId, Ocpp2SmartCharging.FromOcpp2(set201)).IsAccepted.ShouldBeTrue();
        store201.LimitKw(1, T0.AddSeconds(60), dc150).ShouldBe(50.0);

        // 1.6: same profile, integer transaction id, absolute without startSchedule as many 1.6 CSMSs send it.
        var store16 = new ChargingProfileStore(SmartChargingRules.V16);
        store16.StartTransaction(1, "1001", T0);
        var set16 = SchemaCheck.Read<V16.SetChargingProfileRequest>(OcppVersion.V16,
            """{"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"transactionId":1001,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":50000.0}]}}}""");
        store16.Install(set16.ConnectorId, V16SmartCharging.FromV16(set16)).IsAccepted.ShouldBeTrue();
        store16.LimitKw(1, T0.AddSeconds(60), dc150).ShouldBe(50.0);

        var composite = store16.CompositeSchedule(1, T0, 600, ChargingRateUnit.A, dc150);
        composite.Periods.ShouldHaveSingleItem().Limit.ShouldBe(125.0, "50 kW at 400 V DC");
    }

    private sealed class QueryComparer : IEqualityComparer<ChargingProfileQuery>
    {
        public bool Equals(ChargingProfileQuery? x, ChargingProfileQuery? y) =>
            x is not null && y is not null && x.EvseId == y.EvseId && x.Purpose == y.Purpose && x.StackLevel == y.StackLevel
            && (x.Ids ?? []).SequenceEqual(y.Ids ?? []);

        public int GetHashCode(ChargingProfileQuery obj) => 0;
    }
}
